/**
 * Datastores recognised by image: databases, caches and search engines a public service should not
 * sit next to. Matched on the image's repository name (registry, tag and digest removed), so
 * `docker.io/library/postgres:16`, `bitnami/postgresql` and `postgis/postgis` all count.
 */
const DATASTORE_REPOSITORIES = new Set([
  'mongo', 'mongodb', 'mongodb-community-server',
  'postgres', 'postgresql', 'postgis', 'pgvector', 'timescaledb', 'timescaledb-ha',
  'mysql', 'mysql-server', 'mariadb', 'percona', 'percona-server',
  'redis', 'redis-stack', 'redis-stack-server', 'valkey', 'keydb', 'dragonfly', 'memcached',
  'elasticsearch', 'opensearch',
  'cassandra', 'scylla', 'couchdb', 'couchbase', 'influxdb', 'clickhouse', 'clickhouse-server',
  'neo4j', 'cockroach', 'cockroachdb', 'rethinkdb', 'arangodb', 'questdb', 'mssql',
]);

/** `mcr.microsoft.com/mssql/server:2022` -> mssql; otherwise the last path part of the repository. */
export function isDatastoreImage(image: string): boolean {
  const repo = image.split('@')[0].replace(/:[^/]*$/, '').toLowerCase();
  const parts = repo.split('/');
  if (parts.includes('mssql')) return true;
  return DATASTORE_REPOSITORIES.has(parts[parts.length - 1]);
}
