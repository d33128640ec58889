import { describe, expect, it } from 'vitest';
import { InProcessPort, operatorListChunk, primitiveFieldsOnly } from './worker-port.js';

const received = (port: InProcessPort) => {
  const got: unknown[] = [];
  port.addEventListener('message', (e) => got.push(e.data));
  return got;
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('InProcessPort', () => {
  it('delivers an operator-list chunk with its own arrays but the same argument objects', async () => {
    const port = new InProcessPort();
    const got = received(port);
    const glyphs = [{ unicode: '年', width: 1000 }];
    const chunk = { fnArray: [44, 0], argsArray: [[glyphs], null], lastChunk: false, separateAnnots: null, length: 1 };
    port.postMessage({ sourceName: 'w', targetName: 'm', stream: 4, streamId: 1, chunk });
    chunk.fnArray.length = 0; // what OperatorList.flush does right after posting
    chunk.argsArray.length = 0;
    await settle();
    const data = got[0] as { chunk: typeof chunk };
    expect(data.chunk.fnArray).toEqual([44]);
    expect(data.chunk.argsArray[0]![0]).toBe(glyphs);
  });

  it('passes a chunk on as it is when the worker hands its arrays over', async () => {
    const port = new InProcessPort(true);
    const got = received(port);
    const chunk = { fnArray: [44], argsArray: [[[{ unicode: '年', width: 1000 }]]], lastChunk: true, separateAnnots: null, length: 1 };
    const message = { sourceName: 'w', targetName: 'm', stream: 4, streamId: 1, chunk };
    port.postMessage(message);
    await settle();
    expect(got[0]).toBe(message);
  });

  it('clones any other message, as a worker boundary would', async () => {
    const port = new InProcessPort();
    const got = received(port);
    const message = { action: 'commonobj', data: ['f1', 'Font', { name: 'A' }] };
    port.postMessage(message);
    message.data[0] = 'changed';
    await settle();
    expect(got).toEqual([{ action: 'commonobj', data: ['f1', 'Font', { name: 'A' }] }]);
    expect(operatorListChunk(message)).toBeUndefined();
  });

  it('copies a message of primitive fields (stream control) without cloning it', async () => {
    const port = new InProcessPort();
    const got = received(port);
    const pull = { sourceName: 'm', targetName: 'w', stream: 6, streamId: 3, desiredSize: 1 };
    port.postMessage(pull);
    await settle();
    expect(got).toEqual([pull]);
    expect(got[0]).not.toBe(pull);
    expect(primitiveFieldsOnly(pull)).toBe(true);
    expect(primitiveFieldsOnly({ stream: 5, reason: new Error('x') })).toBe(false);
    expect(primitiveFieldsOnly({ isReply: true, data: [1] })).toBe(false);
    expect(primitiveFieldsOnly([1, 2])).toBe(false);
  });

  it('drops a listener when its abort signal fires (a destroyed document)', async () => {
    const port = new InProcessPort();
    const ac = new AbortController();
    const got: unknown[] = [];
    port.addEventListener('message', (e) => got.push(e.data), { signal: ac.signal });
    expect(port.listenerCount).toBe(1);
    ac.abort();
    port.postMessage({ action: 'x' });
    await settle();
    expect(got).toEqual([]);
    expect(port.listenerCount).toBe(0);
  });
});
