/** A minimal event emitter (listeners are called in order; a throwing listener does not stop the others). */
export class Emitter<T> {
  private readonly listeners: ((value: T) => void)[] = [];

  on(listener: (value: T) => void): void {
    this.listeners.push(listener);
  }

  fire(value: T, onError: (error: unknown) => void): void {
    for (const listener of this.listeners) {
      try {
        listener(value);
      } catch (error) {
        onError(error);
      }
    }
  }
}
