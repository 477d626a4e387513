// The stack description, loaded once from config.json (served beside index.html).
export const config = {};

export async function loadConfig() {
  const res = await fetch('config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error('config.json: HTTP ' + res.status);
  Object.assign(config, await res.json());
  return config;
}
