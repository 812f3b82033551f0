export { ChildrenRoutes } from './children-routes';
export { ChildFilePage } from './child-file-page';
export { ChildListPage } from './child-list-page';
export { ChildRegisterPage } from './child-register-page';
export { VisitFormPage } from './visit-form-page';
