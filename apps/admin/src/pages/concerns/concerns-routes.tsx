import { Route, Routes } from 'react-router';
import { RequireAccess } from '../../components/require-access';
import { ConcernPage } from './concern-page';
import { ConcernQueuePage } from './concern-queue-page';
import { MyConcernsPage } from './my-concerns-page';
import { RaiseConcernPage } from './raise-concern-page';

/**
 * Safeguarding concerns under `/concerns`. Anyone signed in may open the raise form and their own
 * list (the API decides who may raise for which NGO); the queue is for owners and coordinators.
 */
export function ConcernsRoutes() {
  return (
    <Routes>
      <Route
        index
        element={
          <RequireAccess rule="ngoCoordinator">
            <ConcernQueuePage />
          </RequireAccess>
        }
      />
      <Route path="new" element={<RaiseConcernPage />} />
      <Route path="mine" element={<MyConcernsPage />} />
      <Route path=":id" element={<ConcernPage />} />
    </Routes>
  );
}
