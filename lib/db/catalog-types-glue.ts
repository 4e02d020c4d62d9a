/**
 * Glue that lets Prisma 6.19's WebAssembly schema engine (migrate, diff, status)
 * run through @prisma/adapter-pg.
 *
 * Upstream bug prisma/prisma#27403 ("Column type 'name' could not be deserialized"):
 * the engine introspects PostgreSQL catalog columns of type `name` (oid 19) and
 * `"char"` (oid 18), which the pg adapter refuses to map. We
 *  1. give the pool a pg.Client subclass that reports those columns as `text`
 *     (their values already arrive as strings), remembering which were `"char"`;
 *  2. wrap the adapter so `"char"` columns are typed as single characters;
 *     without that, `migrate dev` aborts with `RuntimeError: unreachable`.
 *
 * A second upstream flaw in the same path: the adapter's `executeScript` splits a
 * migration on every ";", which breaks semicolons inside comments, strings and
 * dollar-quoted function bodies. We send the script whole instead: PostgreSQL's
 * simple-query protocol runs it as one implicit transaction, so a migration is
 * also all-or-nothing. (Statements that cannot run in a transaction block, such
 * as CREATE INDEX CONCURRENTLY, therefore need a migration of their own.)
 *
 * Used only by prisma.config.ts (the CLI); the app's own client does not need it.
 * Delete this file once both are fixed in the Prisma line we use.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import type { SqlDriverAdapter, SqlQueryable, SqlResultSet, Transaction } from "@prisma/driver-adapter-utils";
import pg from "pg";

const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

/** Result rows arrays of queries that had `"char"` columns → those column indexes. */
const charColumnsByRows = new WeakMap<object, number[]>();

function retypeCatalogColumns(result: pg.QueryResult): pg.QueryResult {
  if (!result?.fields) return result;
  const charColumns: number[] = [];
  result.fields.forEach((field, index) => {
    if (field.dataTypeID === CHAR_OID) charColumns.push(index);
    if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  });
  if (charColumns.length > 0) charColumnsByRows.set(result.rows, charColumns);
  return result;
}

class CatalogTextClient extends pg.Client {
  // pg.Pool calls query(config, values, callback); direct callers use promises.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    const callback = typeof last === "function" ? (args.pop() as (err: unknown, res?: unknown) => void) : undefined;
    const promise = (super.query as (...a: unknown[]) => Promise<pg.QueryResult>)(...args).then(retypeCatalogColumns);
    if (!callback) return promise as never;
    promise.then(
      (res) => callback(null, res),
      (err: unknown) => callback(err),
    );
    return undefined as never;
  }
}

function withCharColumns<T extends SqlQueryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const resultSet: SqlResultSet = await queryRaw(query);
    for (const index of charColumnsByRows.get(resultSet.rows) ?? []) {
      resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    }
    return resultSet;
  };
  return queryable;
}

type PgAdapter = SqlDriverAdapter & { underlyingDriver(): pg.Pool; onError(error: unknown): never };

function withCharColumnsEverywhere(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const pgAdapter = adapter as PgAdapter;
  adapter.executeScript = async (script) => {
    try {
      await pgAdapter.underlyingDriver().query(script);
    } catch (error) {
      pgAdapter.onError(error); // maps to the adapter's error shape, which the engine reports
    }
  };
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => withCharColumns<Transaction>(await startTransaction(isolationLevel));
  return withCharColumns(adapter);
}

export interface PgConnectionFields {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
}

/**
 * The adapter factory for the Prisma CLI. Fields are passed separately rather
 * than as a connection string: the adapter lets `connectionString` override the
 * database name, which made `migrate dev` replay its shadow database into the
 * real one.
 */
export function migrationAdapter(connection: PgConnectionFields) {
  const factory = new PrismaPg({ ...connection, Client: CatalogTextClient, idleTimeoutMillis: 200 });
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => withCharColumnsEverywhere(await connect()) as Awaited<ReturnType<typeof connect>>;
  factory.connectToShadowDb = async () =>
    withCharColumnsEverywhere(await connectToShadowDb()) as Awaited<ReturnType<typeof connectToShadowDb>>;
  return factory;
}
