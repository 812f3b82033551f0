import { configure } from '@testing-library/react';

// `findBy…` and `waitFor` wait for the screen, not for a deadline: whole-app renders in jsdom can take
// seconds on a loaded machine, so the default of one second would fail a correct screen.
configure({ asyncUtilTimeout: 10_000 });
