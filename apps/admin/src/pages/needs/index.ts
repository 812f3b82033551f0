export { NeedCreatePage, NeedEditPage } from './need-form-page';
export { NeedListPage } from './need-list-page';
export { NeedShowPage } from './need-show-page';
