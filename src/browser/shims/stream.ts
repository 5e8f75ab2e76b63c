/**
 * The part of Node's stream.Readable that pdfkit and pdfmake use: push(), the 'data', 'readable' and 'end'
 * events, and read() (pdfmake's getBuffer drains on 'readable'), for the browser bundle.
 */
import { EventEmitter } from 'events';

export class Readable extends EventEmitter {
  private queue: unknown[] = [];

  push(chunk: unknown): boolean {
    if (chunk === null) {
      // after the readers drained what was queued
      queueMicrotask(() => this.emit('end'));
      return false;
    }
    if (this.listenerCount('data')) this.emit('data', chunk);
    else {
      this.queue.push(chunk);
      this.emit('readable');
    }
    return true;
  }

  read(): unknown {
    return this.queue.length ? this.queue.shift() : null;
  }

  pipe<T>(_dest: T): T {
    throw new Error('stream.pipe is not available in the browser build');
  }
}
export default { Readable };
