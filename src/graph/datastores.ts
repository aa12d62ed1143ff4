/**
 * Datastores recognised by image: databases, caches and search engines a public service should not
 * sit next to. Matched on the image's repository name (registry, tag and digest removed), so
 * `docker.io/library/postgres:16`, `bitnami/postgresql` and `postgis/postgis` all count. Each
 * family also lists the words configuration uses for it (POST_DATABASE_HOST, CACHE_URL, pg://),
 * so a message can guess which datastore a dangling name was meant for.
 */
const FAMILIES: { repositories: string[]; words: string[] }[] = [
  { repositories: ['mongo', 'mongodb', 'mongodb-community-server'], words: ['mongo', 'mongodb', 'db', 'database'] },
  {
    repositories: ['postgres', 'postgresql', 'postgis', 'pgvector', 'timescaledb', 'timescaledb-ha', 'cockroach', 'cockroachdb'],
    words: ['postgres', 'postgresql', 'pg', 'psql', 'sql', 'db', 'database'],
  },
  { repositories: ['mysql', 'mysql-server', 'mariadb', 'percona', 'percona-server', 'mssql'], words: ['mysql', 'mariadb', 'maria', 'mssql', 'sql', 'db', 'database'] },
  { repositories: ['redis', 'redis-stack', 'redis-stack-server', 'valkey', 'keydb', 'dragonfly', 'memcached'], words: ['redis', 'valkey', 'keydb', 'memcached', 'memcache', 'cache', 'kv'] },
  { repositories: ['elasticsearch', 'opensearch'], words: ['elasticsearch', 'elastic', 'opensearch', 'es', 'search'] },
  {
    repositories: ['cassandra', 'scylla', 'couchdb', 'couchbase', 'influxdb', 'clickhouse', 'clickhouse-server', 'neo4j', 'rethinkdb', 'arangodb', 'questdb'],
    words: ['cassandra', 'scylla', 'couchdb', 'couchbase', 'influxdb', 'influx', 'clickhouse', 'neo4j', 'rethinkdb', 'arangodb', 'questdb', 'db', 'database'],
  },
  { repositories: ['qdrant', 'weaviate', 'milvus', 'chroma', 'chromadb'], words: ['qdrant', 'weaviate', 'milvus', 'chroma', 'chromadb', 'vector', 'db', 'database'] },
];

const FAMILY_OF = new Map<string, readonly string[]>(FAMILIES.flatMap((f) => f.repositories.map((r) => [r, f.words] as const)));

/** The words of the image's datastore family, or undefined when the image is not a datastore. */
export function datastoreWords(image: string): readonly string[] | undefined {
  const repo = image.split('@')[0].replace(/:[^/]*$/, '').toLowerCase();
  const parts = repo.split('/');
  // mcr.microsoft.com/mssql/server: the product is in the path, not the last part.
  return FAMILY_OF.get(parts[parts.length - 1]) ?? (parts.includes('mssql') ? FAMILY_OF.get('mssql') : undefined);
}

export function isDatastoreImage(image: string): boolean {
  return datastoreWords(image) !== undefined;
}
