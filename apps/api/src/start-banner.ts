/** What `npm start` prints once the app listens: where to open it first, then the API, then whom to log in as. */
export function startBanner(options: {
  port: number;
  /** False when `WEB_DIR` holds no build: the API runs, but / serves no app. */
  webAppServed: boolean;
  graphiql: boolean;
  demoLogins?: { password: string; accounts: ReadonlyArray<{ role: string; email: string }> };
}): string {
  const base = `http://localhost:${options.port}`;
  const lines = [
    '',
    'Chedun Market is running.',
    options.webAppServed
      ? `  Web app:  ${base}/`
      : `  Web app:  not built, so not served (npm run build:web builds it; npm start does)`,
    options.graphiql
      ? `  GraphiQL: ${base}/graphql (the GraphQL API itself for POST; health at ${base}/health)`
      : `  GraphQL:  ${base}/graphql (health at ${base}/health)`,
  ];
  if (options.demoLogins) {
    lines.push(`  Demo log-ins (password for all: ${options.demoLogins.password}):`);
    const width = Math.max(...options.demoLogins.accounts.map((login) => login.role.length));
    for (const login of options.demoLogins.accounts) lines.push(`    ${login.role.padEnd(width)}  ${login.email}`);
  }
  return `${lines.join('\n')}\n`;
}
