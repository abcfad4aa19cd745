import { publicHttpsUrlProblem } from './graphql/https-url';

describe('publicHttpsUrlProblem', () => {
  it.each([
    'https://cdn.example.com/a.jpg',
    'https://images.chedun.cn:443/p/1.png?w=200',
    'https://8.8.8.8/x.png',
    'https://例子.测试/图.jpg',
  ])('accepts %s', (url) => {
    expect(publicHttpsUrlProblem(url)).toBeNull();
  });

  it.each([
    ['http', 'http://cdn.example.com/a.jpg'],
    ['another scheme', 'file:///etc/passwd'],
    ['gopher', 'gopher://127.0.0.1:6379/_INFO'],
    ['loopback', 'https://127.0.0.1/a'],
    ['loopback in decimal', 'https://2130706433/a'],
    ['loopback in hex', 'https://0x7f.1/a'],
    ['localhost', 'https://localhost/a'],
    ['a localhost subdomain', 'https://api.localhost/a'],
    ['IPv6 loopback', 'https://[::1]/a'],
    ['IPv4-mapped IPv6', 'https://[::ffff:127.0.0.1]/a'],
    ['link-local metadata', 'https://169.254.169.254/latest/meta-data'],
    ['a private range', 'https://10.1.2.3/a'],
    ['another private range', 'https://192.168.0.1/a'],
    ['a unique-local IPv6', 'https://[fd00::1]/a'],
    ['a single-label host', 'https://intranet/a'],
    ['credentials', 'https://user:pass@cdn.example.com/a'],
    ['a non-default port', 'https://cdn.example.com:8443/a'],
    ['a storage key', 'products/1.jpg'],
    ['too long', `https://cdn.example.com/${'a'.repeat(500)}`],
    ['a newline', 'https://cdn.example.com/a\nb'],
    ['empty', ''],
  ])('refuses %s', (_, url) => {
    expect(publicHttpsUrlProblem(url)).not.toBeNull();
  });
});
