/** The matching context's public face: nothing else imports it; the app composes its module. */
export { MatchingModule } from './matching.module';
