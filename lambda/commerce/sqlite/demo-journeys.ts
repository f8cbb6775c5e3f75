import type { TrackingStatus } from '../ports';
import type { DemoCalendar } from './demo-calendar';
import type { DemoCarrier, DemoOutcome } from './demo-orders';
import type { SeededRandom } from './seeded-random';

/** The store ships everything from one fulfillment center. */
const ORIGIN = 'Columbus, OH';

/** Sort hubs in the order a parcel meets them; a longer journey then just says "In transit". */
const HUBS: Readonly<Record<DemoCarrier, readonly string[]>> = {
  UPS: ['Louisville, KY', 'Hodgkins, IL', 'Lenexa, KS'],
  FedEx: ['Memphis, TN', 'Indianapolis, IN', 'Kansas City, KS'],
  USPS: ['Indianapolis, IN', 'Kansas City, MO', 'Denver, CO'],
  DHL: ['Cincinnati, OH', 'Chicago, IL', 'Dallas, TX'],
};

export interface DemoTrackingEvent {
  readonly at: Date;
  readonly status: TrackingStatus;
  readonly description: string;
  readonly location: string;
}

export interface DemoJourney {
  readonly status: TrackingStatus;
  readonly shippedAt: Date;
  readonly expectedOn?: Date;
  readonly deliveredAt?: Date;
  /** Oldest first. */
  readonly events: readonly DemoTrackingEvent[];
}

const DIGITS = '0123456789';
const UPPER_ALNUM = 'ABCDEFGHJKLMNPRSTUVWXY0123456789';

/** Numbers in each carrier's familiar shape; none is a real parcel. */
export function trackingNumberFor(carrier: DemoCarrier, random: SeededRandom): string {
  switch (carrier) {
    case 'UPS':
      return `1Z${random.chars(UPPER_ALNUM, 6)}03${random.chars(DIGITS, 8)}`;
    case 'FedEx':
      return `7${random.chars(DIGITS, 11)}`;
    case 'USPS':
      return `94001${random.chars(DIGITS, 17)}`;
    case 'DHL':
      return `${random.int(1, 9)}${random.chars(DIGITS, 9)}`;
  }
}

function lastDayOf(outcome: DemoOutcome): number {
  switch (outcome.kind) {
    case 'in-transit':
    case 'delayed':
      return outcome.lastScanDay;
    case 'out-for-delivery':
      return 0;
    case 'delivered':
    case 'attempt-failed':
    case 'available-for-pickup':
    case 'exception':
      return outcome.day;
  }
}

export interface JourneyPlan {
  readonly carrier: DemoCarrier;
  readonly shipDay: number;
  readonly outcome: DemoOutcome;
  /** "City, ST" of the shopper. */
  readonly destination: string;
}

/** A plausible carrier history: label, pickup, hub scans, then however the journey ends. */
export function planJourney(plan: JourneyPlan, calendar: DemoCalendar, random: SeededRandom): DemoJourney {
  const { carrier, shipDay, outcome, destination } = plan;
  const endDay = lastDayOf(outcome);
  if (endDay <= shipDay) throw new Error(`A demo journey must end after it ships (day ${shipDay} → ${endDay})`);

  const events: DemoTrackingEvent[] = [];
  const jitter = (time: string): string => {
    const [hours = '0', minutes = '0'] = time.split(':');
    const total = Number(hours) * 60 + Number(minutes) + random.int(0, 9);
    return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  };
  const scan = (day: number, time: string, status: TrackingStatus, description: string, location: string) => {
    const event = { at: calendar.at(day, jitter(time)), status, description, location };
    events.push(event);
    return event;
  };

  scan(shipDay, '08:10', 'InfoReceived', 'Shipping label created', ORIGIN);
  const pickedUp = scan(shipDay, '16:40', 'InTransit', 'Picked up', ORIGIN);
  scan(shipDay, '21:25', 'InTransit', 'Departed facility', ORIGIN);

  const hubs = HUBS[carrier];
  const lastHub = hubs[hubs.length - 1] ?? ORIGIN;
  const hubFor = (day: number): string => hubs[day - shipDay - 1] ?? lastHub;
  const hubScans = (day: number, arrive: string, depart: string) => {
    if (hubs[day - shipDay - 1] === undefined) {
      scan(day, arrive, 'InTransit', 'In transit', lastHub);
      return;
    }
    scan(day, arrive, 'InTransit', 'Arrived at facility', hubFor(day));
    scan(day, depart, 'InTransit', 'Departed facility', hubFor(day));
  };
  for (let day = shipDay + 1; day < endDay; day += 1) hubScans(day, '03:40', '11:05');

  const arriveLocally = () => scan(endDay, '04:50', 'InTransit', 'Arrived at local facility', destination);
  const outForDelivery = () => scan(endDay, '07:55', 'OutForDelivery', 'Out for delivery', destination);

  switch (outcome.kind) {
    case 'in-transit':
    case 'delayed': {
      hubScans(endDay, '04:20', '10:35');
      if (outcome.kind === 'delayed') {
        scan(endDay, '11:50', 'InTransit', 'In transit, arriving later than expected', hubFor(endDay));
      }
      return {
        status: 'InTransit',
        shippedAt: pickedUp.at,
        expectedOn: calendar.promised(outcome.expectedDay),
        events,
      };
    }
    case 'out-for-delivery':
      arriveLocally();
      outForDelivery();
      return { status: 'OutForDelivery', shippedAt: pickedUp.at, expectedOn: calendar.promised(0), events };
    case 'delivered': {
      arriveLocally();
      outForDelivery();
      const done = scan(endDay, '14:32', 'Delivered', 'Delivered, left at front door', destination);
      return {
        status: 'Delivered',
        shippedAt: pickedUp.at,
        expectedOn: calendar.promised(outcome.day),
        deliveredAt: done.at,
        events,
      };
    }
    case 'attempt-failed':
      arriveLocally();
      outForDelivery();
      scan(endDay, '15:10', 'AttemptFail', 'Delivery attempted, no one available to sign', destination);
      return {
        status: 'AttemptFail',
        shippedAt: pickedUp.at,
        expectedOn: calendar.promised(outcome.expectedDay),
        events,
      };
    case 'available-for-pickup':
      arriveLocally();
      outForDelivery();
      scan(endDay, '12:40', 'AttemptFail', 'Delivery attempted, notice left', destination);
      scan(endDay, '16:20', 'AvailableForPickup', 'Available for pickup', outcome.location);
      return { status: 'AvailableForPickup', shippedAt: pickedUp.at, expectedOn: calendar.promised(outcome.day), events };
    case 'exception':
      arriveLocally();
      scan(endDay, '09:15', 'Exception', outcome.reason, destination);
      // The carrier withdraws its promise until the problem is solved.
      return { status: 'Exception', shippedAt: pickedUp.at, events };
  }
}
