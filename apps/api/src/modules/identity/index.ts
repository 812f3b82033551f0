/** The identity context's public face: other contexts import only what is exported here (a lint rule refuses deep imports). */
export { IdentityModule } from './identity.module';
export { OrganizationsService } from './organizations.service';
export { UsersService } from './users.service';
