import { Route, Routes } from 'react-router';
import { RequireAccess } from '../../components/require-access';
import { ChildFilePage } from './child-file-page';
import { ChildListPage } from './child-list-page';
import { ChildRegisterPage } from './child-register-page';
import { RegisterComparisonPage } from './register-comparison-page';
import { VisitFormPage } from './visit-form-page';

/**
 * The registry's screens under `/children`. Members of the NGO (owners, coordinators, staff) read
 * files and record visits; registering a child (identity fields) is for owners and coordinators.
 */
export function ChildrenRoutes() {
  return (
    <RequireAccess rule="ngoMember">
      <Routes>
        <Route index element={<ChildListPage />} />
        <Route
          path="new"
          element={
            <RequireAccess rule="ngoCoordinator">
              <ChildRegisterPage />
            </RequireAccess>
          }
        />
        <Route
          path="register-comparison"
          element={
            <RequireAccess rule="ngoCoordinator">
              <RegisterComparisonPage />
            </RequireAccess>
          }
        />
        <Route path=":id" element={<ChildFilePage />} />
        <Route path=":id/visit" element={<VisitFormPage />} />
      </Routes>
    </RequireAccess>
  );
}
