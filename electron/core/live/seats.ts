import type { Seat } from '../../contract';

/** The connections that watch or run the show now (cockpits, prompters), for "who else is here". */
export class SeatRegistry {
  private readonly seats = new Map<string, Seat>();
  private counter = 0;

  constructor(private readonly onChange: () => void) {}

  add(seat: Omit<Seat, 'id'>): { id: string; remove: () => void } {
    this.counter += 1;
    const id = `seat-${this.counter}`;
    this.seats.set(id, { ...seat, id });
    this.onChange();
    return {
      id,
      remove: () => {
        if (this.seats.delete(id)) this.onChange();
      },
    };
  }

  list(): Seat[] {
    return [...this.seats.values()];
  }
}
