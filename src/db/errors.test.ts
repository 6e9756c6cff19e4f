import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { databaseTrouble } from './errors.ts';

describe('what a database error means for the person waiting', () => {
  test('lost, refused and shut-down connections are "unreachable"; a full store is "full"; anything else is a bug', () => {
    const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });
    assert.equal(databaseTrouble(coded('ECONNREFUSED')), 'unreachable');
    assert.equal(databaseTrouble(coded('57P01', 'terminating connection due to administrator command')), 'unreachable');
    assert.equal(databaseTrouble(coded('08006')), 'unreachable');
    assert.equal(databaseTrouble(new Error('Connection terminated unexpectedly')), 'unreachable');
    assert.equal(databaseTrouble(new Error('timeout exceeded when trying to connect')), 'unreachable');
    assert.equal(databaseTrouble(coded('SQLITE_BUSY', 'database is locked')), 'unreachable');
    assert.equal(databaseTrouble(coded('SQLITE_IOERR_WRITE')), 'unreachable');
    // pg reports a refused connection to every address of a host as an AggregateError.
    assert.equal(databaseTrouble(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], 'connect failed')), 'unreachable');
    assert.equal(databaseTrouble(new Error('wrapped', { cause: coded('ECONNRESET') })), 'unreachable');
    assert.equal(databaseTrouble(coded('SQLITE_FULL', 'database or disk is full')), 'full');
    assert.equal(databaseTrouble(coded('53100', 'could not extend file')), 'full');

    assert.equal(databaseTrouble(coded('23505', 'duplicate key value violates unique constraint')), null);
    assert.equal(databaseTrouble(coded('SQLITE_CONSTRAINT_FOREIGNKEY')), null);
    assert.equal(databaseTrouble(new TypeError('Cannot read properties of undefined')), null);
    assert.equal(databaseTrouble(null), null);
  });
});
