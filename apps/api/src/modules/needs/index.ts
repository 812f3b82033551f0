/** The needs context's public face: other contexts import only what is exported here (a lint rule refuses deep imports). */
export { boundingBox, haversineKm } from './geo';
export { NeedAuthoringService } from './need-authoring.service';
export { NeedFactsService } from './need-facts.service';
export { NeedTransitionsService } from './need-transitions.service';
export { type ListenerOutcome, type NeedChange, NeedsLifecycle, type ShiftChange } from './needs-lifecycle';
export { NeedsModule } from './needs.module';
export { NeedFacts, type NeedForGiving, ShiftDirectory, type ShiftFacts } from './ports';
export { NeedsService } from './needs.service';
export { ShiftsService } from './shifts.service';
