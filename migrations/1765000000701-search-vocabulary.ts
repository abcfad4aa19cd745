import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Typos are corrected against the catalog's vocabulary instead of scoring every document. `search_words` holds each
 * word of the documents' English text (the tsvector's lexemes, at least 4 letters, no digits) with the number of
 * documents that contain it; a trigram GIN index finds a query word's neighbours among a few thousand words (the
 * approach of pg_trgm's documentation), an edit distance keeps those within the typo budget, and the corrections
 * join the word's prefix in the tsquery, which the documents' GIN index answers.
 *
 * Statement triggers on search_documents keep the vocabulary in the writer's transaction (the app's upserts and a
 * bulk INSERT ... SELECT alike): only words whose document count changes are written, in word order (no deadlock
 * between two writers), so an update that leaves the text alone (price, stock, days) writes no word. A change a
 * search could see also sends `search_documents_changed` at commit, which empties the API processes' result caches.
 */
export class SearchVocabulary1765000000701 implements MigrationInterface {
  name = 'SearchVocabulary1765000000701';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE search_words (
        word text PRIMARY KEY,
        documents int NOT NULL
      )`);
    await q.query(`CREATE INDEX search_words_trgm ON search_words USING gin (word gin_trgm_ops)`);
    await q.query(`
      CREATE FUNCTION search_vocabulary(tsvector) RETURNS text[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN (SELECT coalesce(array_agg(w), '{}') FROM unnest(tsvector_to_array($1)) AS w
                 WHERE char_length(w) >= 4 AND w !~ '[0-9''\\\\]')`);
    // Optimal string alignment distance (a swap of two neighbours is one typo, as in Meilisearch), capped at max + 1.
    await q.query(`
      CREATE FUNCTION search_typos(a text, b text, max int) RETURNS int
        LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
      DECLARE
        la int := char_length(a);
        lb int := char_length(b);
        prev2 int[];
        prev int[];
        cur int[];
        v int;
        row_min int;
      BEGIN
        IF abs(la - lb) > max THEN RETURN max + 1; END IF;
        prev := ARRAY(SELECT generate_series(0, lb));
        FOR i IN 1..la LOOP
          cur := ARRAY[i] || array_fill(0, ARRAY[lb]);
          row_min := i;
          FOR j IN 1..lb LOOP
            v := least(prev[j + 1] + 1, cur[j] + 1, prev[j] + CASE WHEN substr(a, i, 1) = substr(b, j, 1) THEN 0 ELSE 1 END);
            IF i > 1 AND j > 1 AND substr(a, i, 1) = substr(b, j - 1, 1) AND substr(a, i - 1, 1) = substr(b, j, 1) THEN
              v := least(v, prev2[j - 1] + 1);
            END IF;
            cur[j + 1] := v;
            row_min := least(row_min, v);
          END LOOP;
          IF row_min > max THEN RETURN max + 1; END IF;
          prev2 := prev;
          prev := cur;
        END LOOP;
        RETURN least(prev[lb + 1], max + 1);
      END $$`);
    await q.query(`
      CREATE FUNCTION search_tsquery_lexeme(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN '''' || replace(replace($1, '\\', '\\\\'), '''', '''''') || ''''`);
    // The query's words (as the visitor typed them), each as a prefix OR its corrections, all required:
    // "lantren king" -> ('lantren':* | 'lantern') & ('king':*). Typos allowed as Meilisearch does by default: none
    // under 5 letters, one from 5, two from 9. Candidates come from the trigram index first: a 5-letter word one typo
    // away still shares 2 of its 6 trigrams with the right word (similarity 0.2), hence the function's own threshold
    // for `%` (not the session's, so every client gets the same answer).
    await q.query(`
      CREATE FUNCTION search_text_query(words text[]) RETURNS tsquery
        LANGUAGE sql STABLE PARALLEL SAFE STRICT
        SET pg_trgm.similarity_threshold = 0.19
        RETURN (
          SELECT string_agg('(' || search_tsquery_lexeme(q.w) || ':*' || coalesce(c.alternatives, '') || ')', ' & ' ORDER BY q.pos)::tsquery
            FROM (SELECT search_fold(u.w) AS w, u.pos,
                         CASE WHEN char_length(u.w) >= 9 THEN 2 WHEN char_length(u.w) >= 5 THEN 1 ELSE 0 END AS budget
                    FROM unnest(words) WITH ORDINALITY AS u(w, pos)) q
            LEFT JOIN LATERAL (
              SELECT string_agg(' | ' || search_tsquery_lexeme(v.word), '' ORDER BY v.word) AS alternatives
                FROM search_words v
               WHERE q.budget > 0 AND v.word % q.w AND v.word <> q.w AND search_typos(v.word, q.w, q.budget) <= q.budget
            ) c ON true)`);

    await q.query(`
      CREATE FUNCTION search_documents_changed() RETURNS trigger
        LANGUAGE plpgsql AS $$
      DECLARE
        words text[];
        deltas int[];
        gone text[];
        visible boolean;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(w), array_agg(d) INTO words, deltas
            FROM (SELECT w, count(*)::int AS d FROM new_rows, unnest(search_vocabulary(new_rows.tsv)) AS w GROUP BY w) x;
          visible := EXISTS (SELECT 1 FROM new_rows);
        ELSIF TG_OP = 'UPDATE' THEN
          SELECT array_agg(w), array_agg(d) INTO words, deltas
            FROM (SELECT w, sum(d)::int AS d
                    FROM (SELECT w, 1 AS d FROM new_rows, unnest(search_vocabulary(new_rows.tsv)) AS w
                          UNION ALL
                          SELECT w, -1 FROM old_rows, unnest(search_vocabulary(old_rows.tsv)) AS w) y
                   GROUP BY w HAVING sum(d) <> 0) x;
          -- indexed_at changes on every upsert; only a change a search could see empties the caches.
          visible := EXISTS (SELECT 1 FROM new_rows n FULL JOIN old_rows o USING (product_id)
                              WHERE (to_jsonb(n) - 'indexed_at') IS DISTINCT FROM (to_jsonb(o) - 'indexed_at'));
        ELSE
          SELECT array_agg(w), array_agg(d) INTO words, deltas
            FROM (SELECT w, -count(*)::int AS d FROM old_rows, unnest(search_vocabulary(old_rows.tsv)) AS w GROUP BY w) x;
          visible := EXISTS (SELECT 1 FROM old_rows);
        END IF;
        IF words IS NOT NULL THEN
          WITH up AS (
            INSERT INTO search_words AS s (word, documents)
            SELECT w, d FROM unnest(words, deltas) AS x(w, d) ORDER BY w
            ON CONFLICT (word) DO UPDATE SET documents = s.documents + EXCLUDED.documents
            RETURNING word, documents)
          SELECT array_agg(word) INTO gone FROM up WHERE documents <= 0;
          IF gone IS NOT NULL THEN DELETE FROM search_words WHERE word = ANY(gone) AND documents <= 0; END IF;
        END IF;
        IF visible THEN PERFORM pg_notify('search_documents_changed', ''); END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER search_documents_inserted AFTER INSERT ON search_documents
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_documents_changed()`);
    await q.query(`
      CREATE TRIGGER search_documents_updated AFTER UPDATE ON search_documents
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_documents_changed()`);
    await q.query(`
      CREATE TRIGGER search_documents_deleted AFTER DELETE ON search_documents
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_documents_changed()`);
    await q.query(`
      INSERT INTO search_words (word, documents)
      SELECT w, count(*) FROM search_documents, unnest(search_vocabulary(tsv)) AS w GROUP BY w`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER search_documents_deleted ON search_documents`);
    await q.query(`DROP TRIGGER search_documents_updated ON search_documents`);
    await q.query(`DROP TRIGGER search_documents_inserted ON search_documents`);
    await q.query(`DROP FUNCTION search_documents_changed()`);
    await q.query(`DROP FUNCTION search_text_query(text[])`);
    await q.query(`DROP FUNCTION search_tsquery_lexeme(text)`);
    await q.query(`DROP FUNCTION search_typos(text, text, int)`);
    await q.query(`DROP FUNCTION search_vocabulary(tsvector)`);
    await q.query(`DROP TABLE search_words`);
  }
}
