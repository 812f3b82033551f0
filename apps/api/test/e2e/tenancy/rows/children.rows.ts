import { childBody, createChild, validIdNumber } from '../../../factories/children.factory';
import { registerWorkbook } from '../../../factories/register-sheet.factory';
import type { Caller, MatrixRow } from '../matrix';

const hidden = (status: number): Record<Caller, number> => ({
  anonymous: 401,
  volunteer: 404,
  staff: status,
  coordinator: status,
  owner: status,
  csrManager: 404,
  admin: 404,
});
const nobody: Record<Caller, number> = { ...hidden(404) };

// Children are hidden from everyone but the owning NGO's owner, coordinator and staff, the platform administrator included.
export const childrenRows: MatrixRow[] = [
  {
    route: 'POST /api/v1/organizations/:orgId/children',
    prepare: async (w, target) => ({
      path: `/api/v1/organizations/${w.ngoOf(target === 'other' ? 'other' : 'own').id}/children`,
      body: childBody(),
    }),
    expect: { own: { ...hidden(201), staff: 403 }, other: nobody },
  },
  {
    route: 'GET /api/v1/children/:id',
    prepare: async (w, target) => {
      const ngo = w.ngoOf(target === 'other' ? 'other' : 'own');
      return { path: `/api/v1/children/${await createChild(w.t, ngo.coordinator, ngo.id)}` };
    },
    expect: { own: hidden(200), other: nobody },
  },
  {
    route: 'GET /api/v1/organizations/:orgId/children',
    prepare: async (w, target) => ({ path: `/api/v1/organizations/${w.ngoOf(target === 'other' ? 'other' : 'own').id}/children` }),
    expect: { own: hidden(200), other: nobody },
  },
  {
    route: 'PATCH /api/v1/children/:id',
    prepare: async (w, target) => {
      const ngo = w.ngoOf(target === 'other' ? 'other' : 'own');
      return { path: `/api/v1/children/${await createChild(w.t, ngo.coordinator, ngo.id)}`, body: { version: 1, grade: '二年级' } };
    },
    expect: { own: { ...hidden(200), staff: 403 }, other: nobody },
  },
  {
    route: 'POST /api/v1/children/:id/exit',
    prepare: async (w, target) => {
      const ngo = w.ngoOf(target === 'other' ? 'other' : 'own');
      return {
        path: `/api/v1/children/${await createChild(w.t, ngo.coordinator, ngo.id)}/exit`,
        body: { reason: 'moved', date: '2026-06-01' },
      };
    },
    expect: { own: { ...hidden(200), staff: 403 }, other: nobody },
  },
  {
    route: 'POST /api/v1/organizations/:orgId/children/register-comparisons',
    prepare: async (w, target) => ({
      path: `/api/v1/organizations/${w.ngoOf(target === 'other' ? 'other' : 'own').id}/children/register-comparisons`,
      attach: { field: 'file', content: await registerWorkbook([['某某', validIdNumber(), '低保']]), name: 'register.xlsx' },
    }),
    expect: { own: { ...hidden(200), staff: 403 }, other: nobody },
  },
  {
    route: 'GET /api/v1/organizations/:orgId/children/submission.xlsx',
    prepare: async (w, target) => ({
      path: `/api/v1/organizations/${w.ngoOf(target === 'other' ? 'other' : 'own').id}/children/submission.xlsx`,
    }),
    expect: { own: { ...hidden(200), staff: 403 }, other: nobody },
  },
  {
    route: 'GET /api/v1/organizations/:orgId/children/export.xlsx',
    prepare: async (w, target) => ({
      path: `/api/v1/organizations/${w.ngoOf(target === 'other' ? 'other' : 'own').id}/children/export.xlsx`,
    }),
    expect: { own: hidden(200), other: nobody },
  },
];
