export const selfTest = true;
export const tests = [
  { name: 'hangs', timeout: 3000, async run({ session, origin }) { await session.get(origin); await new Promise(() => {}); } },
  { name: 'hangs in browser', timeout: 3000, async run({ session, origin }) { await session.get(origin); await session.execAsync('/* never calls back */'); } },
  { name: 'fails', async run({ session, origin }) { await session.get(origin); throw new Error('deliberate'); } },
  { name: 'after', async run({ session, origin }) { await session.get(origin); } },
];
