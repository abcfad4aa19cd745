import { FormEvent, useState } from 'react';
import { ErrorMessage } from '../components/states';
import { graphql } from '../gql';
import type { TimeSlotStatus } from '../gql/graphql';
import { useI18n } from '../lib/i18n';
import { useMutation } from '../lib/use-query';

const ChangeCapacity = graphql(`
  mutation ChangeTimeSlotCapacity($input: ChangeTimeSlotCapacityInput!) {
    changeTimeSlotCapacity(input: $input) {
      id
      capacity
      remaining
    }
  }
`);

const SetSlotStatus = graphql(`
  mutation SetTimeSlotStatus($timeSlotId: ID!, $status: TimeSlotStatus!) {
    setTimeSlotStatus(timeSlotId: $timeSlotId, status: $status) {
      id
      status
    }
  }
`);

const AddSlot = graphql(`
  mutation AddSlot($input: AddTimeSlotInput!) {
    addTimeSlot(input: $input) {
      id
    }
  }
`);

interface Slot {
  id: string;
  startsAt: string;
  capacity: number;
  sold: number;
  reserved: number;
  remaining: number;
  status: TimeSlotStatus;
}

/** A datetime-local value (the browser's wall clock) read as Asia/Shanghai, where every venue is. */
function shanghaiInstant(local: string): Date {
  return new Date(`${local}:00+08:00`);
}

/** An experience's upcoming slots: seats added or removed, a slot closed or reopened, a new slot added. */
export function SlotEditor({
  experienceId,
  slots,
  onChanged,
}: {
  experienceId: string;
  slots: Slot[];
  onChanged(): void;
}) {
  const { t, lang } = useI18n();
  const capacity = useMutation(ChangeCapacity);
  const status = useMutation(SetSlotStatus);
  const add = useMutation(AddSlot);
  const [deltas, setDeltas] = useState<Record<string, string>>({});
  const [startsAt, setStartsAt] = useState('');
  const [hours, setHours] = useState('2');
  const [seats, setSeats] = useState('20');
  const error = capacity.error ?? status.error ?? add.error;
  const time = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  });
  const changeSeats = async (event: FormEvent, slot: Slot) => {
    event.preventDefault();
    if (await capacity.run({ input: { timeSlotId: slot.id, delta: Number(deltas[slot.id]) } })) {
      setDeltas((d) => ({ ...d, [slot.id]: '' }));
      onChanged();
    }
  };
  const addSlot = async (event: FormEvent) => {
    event.preventDefault();
    const start = shanghaiInstant(startsAt);
    const end = new Date(start.getTime() + Number(hours) * 3_600_000);
    if (
      await add.run({
        input: { experienceId, startsAt: start.toISOString(), endsAt: end.toISOString(), capacity: Number(seats) },
      })
    ) {
      setStartsAt('');
      onChanged();
    }
  };
  return (
    <section className="slots" aria-label={t('slots.title')}>
      <h4>{t('slots.title')}</h4>
      {error && <ErrorMessage error={error} />}
      {slots.length === 0 && <p className="muted">{t('slots.none')}</p>}
      <ul className="lines">
        {slots.map((slot) => {
          const label = time.format(new Date(slot.startsAt));
          return (
            <li key={slot.id} data-testid="slot">
              <p>
                {label} · {t(`slot.${slot.status}`)} ·{' '}
                {t('slots.seats', { capacity: slot.capacity, sold: slot.sold, remaining: slot.remaining })}
              </p>
              {slot.status !== 'CANCELLED' && (
                <form className="restock" onSubmit={(event) => changeSeats(event, slot)}>
                  <label>
                    {t('slots.delta', { slot: label })}
                    <input
                      type="number"
                      inputMode="numeric"
                      value={deltas[slot.id] ?? ''}
                      onChange={(e) => setDeltas((d) => ({ ...d, [slot.id]: e.target.value }))}
                      required
                    />
                  </label>
                  <button type="submit" className="secondary" disabled={capacity.pending}>
                    {t('slots.changeSeats')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={status.pending}
                    onClick={async () =>
                      (await status.run({ timeSlotId: slot.id, status: slot.status === 'OPEN' ? 'CLOSED' : 'OPEN' })) &&
                      onChanged()
                    }
                  >
                    {slot.status === 'OPEN' ? t('slots.close') : t('slots.reopen')}
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      <form className="restock" onSubmit={addSlot}>
        <label>
          {t('slots.startsAt')}
          <input type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} required />
        </label>
        <label>
          {t('slots.hours')}
          <input
            type="number"
            inputMode="decimal"
            min={0.5}
            step={0.5}
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            required
          />
        </label>
        <label>
          {t('slots.capacity')}
          <input
            type="number"
            inputMode="numeric"
            min={1}
            value={seats}
            onChange={(e) => setSeats(e.target.value)}
            required
          />
        </label>
        <button type="submit" className="secondary" disabled={add.pending}>
          {t('slots.add')}
        </button>
      </form>
    </section>
  );
}
