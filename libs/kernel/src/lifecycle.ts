import { DomainError } from './domain-error';

/** For each state, the states it may move to and the verb a user would use for that move. */
export type TransitionTable<S extends string> = { readonly [From in S]: Readonly<Partial<Record<S, string>>> };

/**
 * The one mechanism by which an aggregate's status changes (DESIGN §5): each aggregate declares its table once,
 * and a move the table does not list is CONFLICT with a message that says what was tried on what:
 * "Cannot resume a license that is terminated".
 */
export class Lifecycle<S extends string> {
  constructor(
    readonly aggregate: string,
    private readonly table: TransitionTable<S>,
  ) {}

  canMove(from: S, to: S): boolean {
    return this.table[from][to] !== undefined;
  }

  /** Returns `to` when the move is allowed; `action` names the attempt in the error when it is not. */
  move(from: S, to: S, action: string = this.table[from][to] ?? `move to ${to.toLowerCase()}`): S {
    if (!this.canMove(from, to)) {
      throw DomainError.conflict(`Cannot ${action} a ${this.aggregate} that is ${from.toLowerCase()}`, {
        aggregate: this.aggregate,
        from,
        to,
      });
    }
    return to;
  }

  /** The states reachable from `from` in one move. */
  nextStates(from: S): S[] {
    return Object.keys(this.table[from]) as S[];
  }

  /** States with no way out. */
  isFinal(state: S): boolean {
    return this.nextStates(state).length === 0;
  }
}
