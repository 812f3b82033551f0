export { ConcernsRoutes } from './concerns-routes';
