import { DomainError } from './domain-error';

/** A move the table allows: the verb a user would use for it and the past-tense event it produces, if it has one. */
export interface TransitionRule {
  readonly action: string;
  readonly event: string;
}

/** For each state, the states it may move to: the verb for that move, or the verb and the event it is named by. */
export type TransitionTable<S extends string> = {
  readonly [From in S]: Readonly<Partial<Record<S, string | TransitionRule>>>;
};

/** One move the table allowed. */
export interface Transition<S extends string> {
  readonly from: S;
  readonly to: S;
  readonly action: string;
  /** The past-tense event the table names the move by; null when the aggregate's moves are not named by events. */
  readonly event: string | null;
}

/** A move of one aggregate, `subject` being its id: what the history hook writes down. */
export type SubjectTransition<S extends string> = Transition<S> & { readonly subject: string };

export interface LifecycleHooks<S extends string, H> {
  /**
   * Writes the aggregate's history of `transitions`, inside the caller's transaction: the one place its audit trail
   * is written. `context` carries what the history needs besides the moves (a transaction, an actor, a reason).
   */
  readonly onTransition?: (transitions: readonly SubjectTransition<S>[], context: H) => Promise<void>;
}

/**
 * The one mechanism by which an aggregate's status changes (DESIGN §5): each aggregate declares its table once,
 * keyed by state, and a move the table does not list is CONFLICT with a message that says what was tried on what:
 * "Cannot resume a license that is terminated". An aggregate whose moves are named by past-tense events (a product's
 * ProductApproved) names them in the same table and moves by event with `fire`; one whose history is kept supplies
 * `onTransition`, and `record` is the only way to write it.
 */
export class Lifecycle<S extends string, H = never> {
  /** Every state the aggregate can be in: the table's keys. */
  readonly states: readonly S[];

  constructor(
    readonly aggregate: string,
    private readonly table: TransitionTable<S>,
    private readonly hooks: LifecycleHooks<S, H> = {},
  ) {
    this.states = Object.keys(table) as S[];
  }

  canMove(from: S, to: S): boolean {
    return this.rule(from, to) !== undefined;
  }

  /** Returns `to` when the move is allowed; `action` names the attempt in the error when it is not. */
  move(from: S, to: S, action?: string): S {
    return this.transition(from, to, action).to;
  }

  /** The move from `from` to `to`, with its event; CONFLICT when the table does not allow it. */
  transition(from: S, to: S, action?: string): Transition<S> {
    const rule = this.rule(from, to);
    if (rule === undefined) throw this.refusal(from, to, action ?? this.verbFor(to));
    return { from, to, action: action ?? rule.action, event: rule.event ?? null };
  }

  /** Whether `event` may happen to an aggregate in `from`. */
  canFire(from: S, event: string): boolean {
    return this.targetFrom(from, event) !== undefined;
  }

  /** The move `event` makes from `from`; CONFLICT when the table has no such move from there. */
  fire(from: S, event: string): Transition<S> {
    const to = this.targetFrom(from, event);
    if (to === undefined) throw this.refusal(from, null, this.actionOf(event), event);
    return this.transition(from, to);
  }

  /** The states `event` may happen in, and the state it leads to: for a move of many rows in one statement. */
  edgesOf(event: string): { from: S[]; to: S } {
    const from = this.states.filter((state) => this.targetFrom(state, event) !== undefined);
    const targets = new Set(from.map((state) => this.targetFrom(state, event) as S));
    if (targets.size !== 1) throw new Error(`${this.aggregate}: ${event} does not lead to exactly one state`);
    return { from, to: [...targets][0] as S };
  }

  /** Writes the history of moves the table allowed (through `transition` or `fire`), through the aggregate's hook. */
  async record(transitions: readonly SubjectTransition<S>[], context: H): Promise<void> {
    if (transitions.length === 0 || !this.hooks.onTransition) return;
    await this.hooks.onTransition(transitions, context);
  }

  /** The states reachable from `from` in one move. */
  nextStates(from: S): S[] {
    return Object.keys(this.table[from]) as S[];
  }

  /** States with no way out. */
  isFinal(state: S): boolean {
    return this.nextStates(state).length === 0;
  }

  private rule(from: S, to: S): { action: string; event?: string } | undefined {
    const rule = this.table[from]?.[to];
    return typeof rule === 'string' ? { action: rule } : rule;
  }

  private targetFrom(from: S, event: string): S | undefined {
    return this.nextStates(from).find((to) => this.rule(from, to)?.event === event);
  }

  /** The verb the table uses for moves into `to` elsewhere, so a refusal reads like the attempt: "Cannot pay ...". */
  private verbFor(to: S): string {
    for (const from of this.states) {
      const rule = this.rule(from, to);
      if (rule) return rule.action;
    }
    return `move to ${to.toLowerCase()}`;
  }

  private actionOf(event: string): string {
    for (const from of this.states) {
      for (const to of this.nextStates(from)) {
        const rule = this.rule(from, to);
        if (rule?.event === event) return rule.action;
      }
    }
    throw new Error(`${this.aggregate}: no transition is named ${event}`);
  }

  private refusal(from: S, to: S | null, action: string, event?: string): DomainError {
    const article = /^[aeiou]/i.test(this.aggregate) ? 'an' : 'a';
    return DomainError.conflict(
      `Cannot ${action} ${article} ${this.aggregate} that is ${from.toLowerCase().replace(/_/g, ' ')}`,
      {
        aggregate: this.aggregate,
        from,
        ...(to === null ? {} : { to }),
        ...(event === undefined ? {} : { event }),
      },
    );
  }
}
