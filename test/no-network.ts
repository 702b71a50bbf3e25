/**
 * Test preload (not a test): `node --require out/test/no-network.js …` makes every way Node opens a socket (TCP and
 * IPC connects and listens, UDP, DNS) write `NETWORK-ATTEMPT <what>` to stderr and throw. lsp-network.test.ts runs
 * the language server under it and asserts no such line.
 */
import dgram = require('node:dgram');
import dns = require('node:dns');
import net = require('node:net');

/** The line's start (lsp-network.test.ts has its own copy: importing this file would patch the test process). */
const MARKER = 'NETWORK-ATTEMPT';

function refuse(what: string): never {
  process.stderr.write(`${MARKER} ${what}\n`);
  throw new Error(`network access refused by the test preload: ${what}`);
}

net.Socket.prototype.connect = function connect() {
  return refuse('net.Socket.connect');
};
net.Server.prototype.listen = function listen() {
  return refuse('net.Server.listen');
};
dgram.Socket.prototype.bind = function bind() {
  return refuse('dgram.Socket.bind');
};
dgram.Socket.prototype.send = function send() {
  return refuse('dgram.Socket.send');
};
const writable = dns as unknown as Record<string, unknown>;
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) writable[name] = () => refuse(`dns.${name}`);
(dns.promises as unknown as Record<string, unknown>).lookup = () => refuse('dns.promises.lookup');
