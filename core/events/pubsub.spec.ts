import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { ServicePubSub } from './pubsub.js';

describe('ServicePubSub in process', () => {
  it('delivers messages published after the first next()', async () => {
    const pubSub = ServicePubSub.inProcess(createLogger('silent'));
    const messages = pubSub.subscribe('test.changed');
    const first = messages.next();
    pubSub.publish('test.changed', { eventId: 1 });
    pubSub.publish('test.changed', { eventId: 2 });
    expect((await first).value).toEqual({ eventId: 1 });
    expect((await messages.next()).value).toEqual({ eventId: 2 });
    await messages.return?.();
  });

  it('drops the oldest messages of a slow subscriber', async () => {
    const pubSub = ServicePubSub.inProcess(createLogger('silent'));
    const messages = pubSub.subscribe('test.changed');
    const first = messages.next();
    // More than the 1024 unread messages a repeater without a buffer accepts.
    for (let eventId = 1; eventId <= 1500; eventId += 1) {
      pubSub.publish('test.changed', { eventId });
    }
    expect((await first).value).toEqual({ eventId: 1 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const next = await messages.next();
    expect(next.value).toEqual({ eventId: 501 });
    await messages.return?.();
  });

  it('ends a pending next() on return()', async () => {
    const pubSub = ServicePubSub.inProcess(createLogger('silent'));
    const messages = pubSub.subscribe('test.changed');
    const pending = messages.next();
    await messages.return?.();
    expect((await pending).done).toBe(true);
  });

  it('reports in-process status', () => {
    expect(ServicePubSub.inProcess(createLogger('silent')).status).toBe('in-process');
  });
});
