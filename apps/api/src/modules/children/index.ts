/** The children context's public face: other contexts import only what is exported here (a lint rule refuses deep imports). */
export { ChildrenModule } from './children.module';
export { ChildrenService } from './children.service';
export { mayChildren, requireChildAccess, type ChildAction } from './children.policy';
export { ChildCipher } from './child-cipher';
export { ChildFacts } from './child-facts.service';
export { ChildrenLifecycle, type ChildRecorded, type ChildrenLifecycleListener } from './children-lifecycle';
