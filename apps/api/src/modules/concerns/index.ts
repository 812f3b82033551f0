/** The concerns context's public face: other contexts import only what is exported here (a lint rule refuses deep imports). */
export { ConcernsModule } from './concerns.module';
export { ConcernsService } from './concerns.service';
