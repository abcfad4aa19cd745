import { FormEvent, useState } from 'react';
import { ErrorMessage, QueryView } from '../components/states';
import { VenuePhotos } from '../components/venue-photos';
import { graphql } from '../gql';
import type { ProductCategory } from '../gql/graphql';
import { useI18n } from '../lib/i18n';
import { moneyInput } from '../lib/money';
import type { Organization } from '../lib/use-me';
import { useMutation, useQuery } from '../lib/use-query';
import { ProductBasicsFields, useProductBasics } from './merchant-product-basics';
import { GalleryEditor, GalleryItem, galleryVariables, useSetProductMedia } from './merchant-product-media';

const MerchantVenues = graphql(`
  query MerchantVenueChoices($merchantId: ID!) {
    merchantVenues(merchantId: $merchantId, first: 100) {
      edges {
        node {
          id
          name
          nameZh
        }
      }
    }
  }
`);

const CreateVenue = graphql(`
  mutation CreateMerchantVenue($input: CreateVenueInput!) {
    createVenue(input: $input) {
      id
    }
  }
`);

const CreateExperience = graphql(`
  mutation CreateMerchantExperience($input: CreateExperienceInput!) {
    createExperience(input: $input) {
      id
    }
  }
`);

const AddWeeklySlots = graphql(`
  mutation AddWeeklySlots($input: AddWeeklyTimeSlotsInput!) {
    addWeeklyTimeSlots(input: $input) {
      id
    }
  }
`);

const EXPERIENCE_CATEGORIES: readonly ProductCategory[] = ['TOUR', 'WORKSHOP', 'SCREENING', 'STAY'];
const NEW_VENUE = 'new';

interface TicketDraft {
  nameZh: string;
  name: string;
  price: string;
}

/** Today and four weeks on, as calendar dates in Shanghai, where every venue is. */
function defaultRange(): { from: string; to: string } {
  const day = (offsetDays: number) =>
    new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
  return { from: day(1), to: day(28) };
}

/**
 * A new experience, Chinese first: license and category, the venue (one of the merchant's, or a new one), ticket
 * types (成人 / 儿童 ...) with their prices, a weekly pattern of slots (weekdays × start time, duration, seats, from and
 * to dates, in Shanghai time) and the gallery; created as a draft, then its slots and gallery.
 */
export function CreateExperienceForm({
  merchant,
  currency,
  onCreated,
}: {
  merchant: Organization;
  currency: string;
  onCreated(): void;
}) {
  const { t, pick } = useI18n();
  const basics = useProductBasics(merchant.id, EXPERIENCE_CATEGORIES);
  const { licenses, license, categories } = basics;
  const venues = useQuery(MerchantVenues, { merchantId: merchant.id });
  const createVenue = useMutation(CreateVenue);
  const create = useMutation(CreateExperience);
  const addSlots = useMutation(AddWeeklySlots);
  const setMedia = useSetProductMedia();
  const [venueId, setVenueId] = useState('');
  const [venue, setVenue] = useState({ nameZh: '', name: '', addressZh: '', latitude: '', longitude: '' });
  const [tickets, setTickets] = useState<TicketDraft[]>([
    { nameZh: '成人', name: 'Adult', price: '' },
    { nameZh: '儿童', name: 'Child', price: '' },
  ]);
  const [weekdays, setWeekdays] = useState<number[]>([6, 7]);
  const [slot, setSlot] = useState({ startTime: '10:00', minutes: '90', capacity: '20', ...defaultRange() });
  const [gallery, setGallery] = useState<GalleryItem[]>([]);
  const [problem, setProblem] = useState('');
  const [created, setCreated] = useState('');
  const venueEdges = venues.data?.merchantVenues.edges ?? [];
  const chosenVenue = venueId || venueEdges[0]?.node.id || NEW_VENUE;
  const error = createVenue.error ?? create.error ?? addSlots.error ?? setMedia.error;

  const setTicket = (i: number, change: Partial<TicketDraft>) =>
    setTickets((list) => list.map((x, j) => (j === i ? { ...x, ...change } : x)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated('');
    const prices = tickets.map((x) => moneyInput(x.price, currency));
    const lat = Number(venue.latitude);
    const lng = Number(venue.longitude);
    const found =
      !license || categories.length === 0
        ? t('experience.needLicense')
        : basics.nameMissing
          ? t('experience.nameMissing')
          : tickets.some((x, i) => !(x.nameZh.trim() || x.name.trim()) || !prices[i] || prices[i]!.amountMinor <= 0)
            ? t('experience.ticketInvalid')
            : chosenVenue === NEW_VENUE &&
                (!(venue.nameZh.trim() || venue.name.trim()) ||
                  venue.latitude.trim() === '' ||
                  venue.longitude.trim() === '' ||
                  !(Math.abs(lat) <= 90) ||
                  !(Math.abs(lng) <= 180))
              ? t('experience.venueInvalid')
              : '';
    setProblem(found);
    if (found || !license) return;
    let venueToUse = chosenVenue;
    if (venueToUse === NEW_VENUE) {
      const made = await createVenue.run({
        input: {
          merchantId: merchant.id,
          name: venue.name.trim() || venue.nameZh.trim(),
          nameZh: venue.nameZh.trim() || null,
          addressZh: venue.addressZh.trim() || null,
          latitude: lat,
          longitude: lng,
        },
      });
      if (!made) return;
      venueToUse = made.createVenue.id;
      setVenueId(venueToUse);
      venues.reload();
    }
    const product = await create.run({
      input: {
        licenseId: license.id,
        venueId: venueToUse,
        category: basics.category!,
        ...basics.input(),
        ticketTypes: tickets.map((x, i) => ({
          name: x.name.trim() || x.nameZh.trim(),
          nameZh: x.nameZh.trim() || null,
          price: prices[i]!,
        })),
      },
    });
    if (!product) return;
    const experienceId = product.createExperience.id;
    if (weekdays.length > 0) {
      const slots = await addSlots.run({
        input: {
          experienceId,
          fromDate: slot.from,
          toDate: slot.to,
          weekdays: [...weekdays].sort(),
          startTime: slot.startTime,
          durationMinutes: Number(slot.minutes),
          capacity: Number(slot.capacity),
        },
      });
      if (!slots) return;
    }
    if (gallery.length > 0 && !(await setMedia.run(galleryVariables(experienceId, gallery)))) return;
    setCreated(basics.nameZh.trim() || basics.name.trim());
    basics.clear();
    setGallery([]);
    onCreated();
  };

  return (
    <form className="form card" onSubmit={submit} aria-labelledby="create-experience" noValidate>
      <h2 id="create-experience">{t('experience.create')}</h2>
      <QueryView
        state={licenses}
        isEmpty={(d) => d.merchantLicenses.edges.length === 0}
        empty={t('products.needLicense')}
      >
        {() => (
          <>
            <ProductBasicsFields basics={basics} />

            <fieldset>
              <legend>{t('experience.venue')}</legend>
              <label>
                {t('experience.venuePick')}
                <select value={chosenVenue} onChange={(e) => setVenueId(e.target.value)}>
                  {venueEdges.map(({ node }) => (
                    <option key={node.id} value={node.id}>
                      {pick(node.nameZh, node.name)}
                    </option>
                  ))}
                  <option value={NEW_VENUE}>{t('experience.venueNew')}</option>
                </select>
              </label>
              {chosenVenue !== NEW_VENUE && <VenuePhotos venueId={chosenVenue} merchantId={merchant.id} />}
              {chosenVenue === NEW_VENUE && (
                <div className="row">
                  <label>
                    {t('experience.venueNameZh')}
                    <input
                      value={venue.nameZh}
                      maxLength={120}
                      onChange={(e) => setVenue((v) => ({ ...v, nameZh: e.target.value }))}
                    />
                  </label>
                  <label>
                    {t('experience.venueName')}
                    <input
                      value={venue.name}
                      maxLength={120}
                      onChange={(e) => setVenue((v) => ({ ...v, name: e.target.value }))}
                    />
                  </label>
                  <label>
                    {t('experience.venueAddressZh')}
                    <input
                      value={venue.addressZh}
                      maxLength={300}
                      onChange={(e) => setVenue((v) => ({ ...v, addressZh: e.target.value }))}
                    />
                  </label>
                  <label>
                    {t('experience.latitude')}
                    <input
                      inputMode="decimal"
                      value={venue.latitude}
                      onChange={(e) => setVenue((v) => ({ ...v, latitude: e.target.value }))}
                    />
                  </label>
                  <label>
                    {t('experience.longitude')}
                    <input
                      inputMode="decimal"
                      value={venue.longitude}
                      onChange={(e) => setVenue((v) => ({ ...v, longitude: e.target.value }))}
                    />
                  </label>
                </div>
              )}
            </fieldset>

            <fieldset>
              <legend>{t('experience.tickets')}</legend>
              {tickets.map((x, i) => (
                <div key={i} className="row" data-testid="ticket-type">
                  <label>
                    {t('experience.ticketNameZh', { n: i + 1 })}
                    <input value={x.nameZh} maxLength={60} onChange={(e) => setTicket(i, { nameZh: e.target.value })} />
                  </label>
                  <label>
                    {t('experience.ticketName', { n: i + 1 })}
                    <input value={x.name} maxLength={60} onChange={(e) => setTicket(i, { name: e.target.value })} />
                  </label>
                  <label>
                    {t('experience.ticketPrice', { n: i + 1 })}
                    <input
                      inputMode="decimal"
                      value={x.price}
                      onChange={(e) => setTicket(i, { price: e.target.value })}
                    />
                  </label>
                  {tickets.length > 1 && (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setTickets((list) => list.filter((_, j) => j !== i))}
                    >
                      {t('experience.ticketRemove', { n: i + 1 })}
                    </button>
                  )}
                </div>
              ))}
              {tickets.length < 20 && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setTickets((list) => [...list, { nameZh: '', name: '', price: '' }])}
                >
                  {t('experience.ticketAdd')}
                </button>
              )}
            </fieldset>

            <fieldset>
              <legend>{t('experience.weekly')}</legend>
              <div className="weekdays" role="group" aria-label={t('experience.weekdays')}>
                {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                  <label key={d} className="check">
                    <input
                      type="checkbox"
                      checked={weekdays.includes(d)}
                      onChange={(e) =>
                        setWeekdays((list) => (e.target.checked ? [...list, d] : list.filter((x) => x !== d)))
                      }
                    />
                    {t(`weekday.${d}` as 'weekday.1')}
                  </label>
                ))}
              </div>
              <div className="row">
                <label>
                  {t('experience.startTime')}
                  <input
                    type="time"
                    value={slot.startTime}
                    onChange={(e) => setSlot((s) => ({ ...s, startTime: e.target.value }))}
                  />
                </label>
                <label>
                  {t('experience.minutes')}
                  <input
                    type="number"
                    inputMode="numeric"
                    min={5}
                    max={1440}
                    value={slot.minutes}
                    onChange={(e) => setSlot((s) => ({ ...s, minutes: e.target.value }))}
                  />
                </label>
                <label>
                  {t('slots.capacity')}
                  <input
                    type="number"
                    inputMode="numeric"
                    min={0}
                    value={slot.capacity}
                    onChange={(e) => setSlot((s) => ({ ...s, capacity: e.target.value }))}
                  />
                </label>
                <label>
                  {t('experience.fromDate')}
                  <input
                    type="date"
                    value={slot.from}
                    onChange={(e) => setSlot((s) => ({ ...s, from: e.target.value }))}
                  />
                </label>
                <label>
                  {t('experience.toDate')}
                  <input type="date" value={slot.to} onChange={(e) => setSlot((s) => ({ ...s, to: e.target.value }))} />
                </label>
              </div>
            </fieldset>

            <GalleryEditor
              organizationId={merchant.id}
              items={gallery}
              onChange={setGallery}
              idPrefix="new-experience"
            />
            {problem && (
              <p className="state state-error" role="alert">
                {problem}
              </p>
            )}
            {error && <ErrorMessage error={error} />}
            {created && (
              <p className="success" role="status">
                {t('products.created', { name: created })}
              </p>
            )}
            <button type="submit" disabled={create.pending || createVenue.pending || addSlots.pending}>
              {t('products.createDraft')}
            </button>
          </>
        )}
      </QueryView>
    </form>
  );
}
