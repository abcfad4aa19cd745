import { connectionOptions } from './db.module';

describe('connectionOptions', () => {
  it('renders settings as libpq -c options', () => {
    expect(connectionOptions({ 'pg_trgm.word_similarity_threshold': '0.45', statement_timeout: '5s' })).toBe(
      '-c pg_trgm.word_similarity_threshold=0.45 -c statement_timeout=5s',
    );
    expect(connectionOptions({})).toBeUndefined();
  });

  it('refuses anything that could smuggle another option', () => {
    expect(() => connectionOptions({ 'a b': '1' })).toThrow(/Unsupported/);
    expect(() => connectionOptions({ work_mem: '1 -c role=postgres' })).toThrow(/Unsupported/);
  });
});
