import { startBanner } from './start-banner';

const DEMO = {
  password: 'pw',
  accounts: [
    { role: 'merchant (Xinshe Ranch and more)', email: 'ranch@xinshe.test' },
    { role: 'visitor', email: 'visitor@chedun.test' },
  ],
};

describe('startBanner', () => {
  it('leads with the web app, then GraphiQL, then the demo log-ins', () => {
    const banner = startBanner({ port: 3000, webAppServed: true, graphiql: true, demoLogins: DEMO });
    const webApp = banner.indexOf('Web app:  http://localhost:3000/');
    const graphiql = banner.indexOf('GraphiQL: http://localhost:3000/graphql');
    const logins = banner.indexOf('visitor@chedun.test');
    expect(webApp).toBeGreaterThan(0);
    expect(graphiql).toBeGreaterThan(webApp);
    expect(logins).toBeGreaterThan(graphiql);
    expect(banner).toContain('password for all: pw');
    // One column of emails, however long a role's name.
    expect(banner).toContain(
      '    merchant (Xinshe Ranch and more)  ranch@xinshe.test\n    visitor                           visitor@chedun.test\n',
    );
  });

  it('says so when there is no web build to serve, and offers no GraphiQL where it is off', () => {
    const banner = startBanner({ port: 8080, webAppServed: false, graphiql: false });
    expect(banner).toContain('Web app:  not built');
    expect(banner).not.toContain('http://localhost:8080/\n');
    expect(banner).not.toContain('GraphiQL');
    expect(banner).toContain('GraphQL:  http://localhost:8080/graphql');
    expect(banner).not.toContain('Demo log-ins');
  });
});
