import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';
import { Lifecycle, SubjectTransition } from './lifecycle';

type Door = 'OPEN' | 'CLOSED' | 'LOCKED' | 'BROKEN_DOWN';

/** A door named by its moves' events, whose history is kept: both kinds of table in one. */
function door(history: { transitions: readonly SubjectTransition<Door>[]; by: string }[] = []) {
  return new Lifecycle<Door, string>(
    'oak door',
    {
      OPEN: { CLOSED: { action: 'close', event: 'DoorClosed' } },
      CLOSED: { OPEN: { action: 'open', event: 'DoorOpened' }, LOCKED: { action: 'lock', event: 'DoorLocked' } },
      LOCKED: {
        CLOSED: { action: 'unlock', event: 'DoorUnlocked' },
        BROKEN_DOWN: { action: 'break down', event: 'DoorBrokenDown' },
      },
      BROKEN_DOWN: {},
    },
    { onTransition: async (transitions, by) => void history.push({ transitions, by }) },
  );
}

const light = new Lifecycle<'ON' | 'OFF'>('light', { ON: { OFF: 'switch off' }, OFF: { ON: 'switch on' } });

describe('Lifecycle', () => {
  it('lists its states from the table', () => {
    expect(door().states).toEqual(['OPEN', 'CLOSED', 'LOCKED', 'BROKEN_DOWN']);
  });

  it('moves by target state and says what the move is called', () => {
    expect(light.move('ON', 'OFF')).toBe('OFF');
    expect(door().transition('CLOSED', 'LOCKED')).toEqual({
      from: 'CLOSED',
      to: 'LOCKED',
      action: 'lock',
      event: 'DoorLocked',
    });
    expect(light.transition('OFF', 'ON')).toEqual({ from: 'OFF', to: 'ON', action: 'switch on', event: null });
  });

  it('moves by event to the state the table names', () => {
    expect(door().fire('LOCKED', 'DoorUnlocked')).toEqual({
      from: 'LOCKED',
      to: 'CLOSED',
      action: 'unlock',
      event: 'DoorUnlocked',
    });
    expect(door().canFire('OPEN', 'DoorLocked')).toBe(false);
  });

  it.each([
    ['a move the table does not list', () => light.move('OFF', 'OFF'), 'Cannot switch off a light that is off'],
    [
      'a move the table names elsewhere',
      () => door().move('CLOSED', 'CLOSED'),
      'Cannot close an oak door that is closed',
    ],
    [
      'a move into a state nothing leads to',
      () => new Lifecycle<'NEW' | 'OLD'>('vase', { NEW: { OLD: 'age' }, OLD: {} }).move('OLD', 'NEW'),
      'Cannot move to new a vase that is old',
    ],
    [
      'an event that cannot happen there',
      () => door().fire('OPEN', 'DoorLocked'),
      'Cannot lock an oak door that is open',
    ],
    [
      'a named attempt',
      () => door().move('BROKEN_DOWN', 'CLOSED', 'repair'),
      'Cannot repair an oak door that is broken down',
    ],
  ])('refuses %s with CONFLICT', (_name, attempt, message) => {
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: ErrorCode.CONFLICT, message }));
  });

  it('finds every state an event may happen in, for a move of many rows at once', () => {
    expect(door().edgesOf('DoorClosed')).toEqual({ from: ['OPEN'], to: 'CLOSED' });
    expect(() => door().edgesOf('DoorPainted')).toThrow(/exactly one state/);
  });

  it('writes the history through the hook, and nothing when nothing moved', async () => {
    const history: { transitions: readonly SubjectTransition<Door>[]; by: string }[] = [];
    const lifecycle = door(history);
    await lifecycle.record([], 'nobody');
    await lifecycle.record([{ ...lifecycle.fire('CLOSED', 'DoorLocked'), subject: 'front' }], 'the caretaker');
    expect(history).toEqual([
      {
        transitions: [{ from: 'CLOSED', to: 'LOCKED', action: 'lock', event: 'DoorLocked', subject: 'front' }],
        by: 'the caretaker',
      },
    ]);
  });

  it('knows the final states', () => {
    expect(door().isFinal('BROKEN_DOWN')).toBe(true);
    expect(door().nextStates('CLOSED')).toEqual(['OPEN', 'LOCKED']);
  });
});
