export default async function globalTeardown() {
  const state = globalThis.__kindredTestDb;
  if (!state) return;
  state.users -= 1;
  if (state.users > 0) return;
  await new Promise((resolve) => {
    state.child.once('exit', resolve);
    state.child.stdin.end();
  });
  globalThis.__kindredTestDb = undefined;
}
