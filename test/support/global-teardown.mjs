export default async function globalTeardown() {
  const cluster = globalThis.__CHEDUN_PG__;
  if (cluster) await cluster.stop();
}
