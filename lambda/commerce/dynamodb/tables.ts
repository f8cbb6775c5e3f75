/** DynamoDB's own shapes for a table's keys and indexes, as CreateTable and DescribeTable spell them. */
export interface KeySchemaElement {
  readonly AttributeName: string;
  readonly KeyType: 'HASH' | 'RANGE';
}
export interface AttributeDefinition {
  readonly AttributeName: string;
  readonly AttributeType: 'S' | 'N' | 'B';
}
export interface GlobalSecondaryIndex {
  readonly IndexName: string;
  readonly KeySchema: readonly KeySchemaElement[];
  readonly Projection: { readonly ProjectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; readonly NonKeyAttributes?: readonly string[] };
}
export interface CreateTableInput {
  readonly TableName: string;
  readonly BillingMode: 'PAY_PER_REQUEST';
  readonly KeySchema: KeySchemaElement[];
  readonly AttributeDefinitions: AttributeDefinition[];
  readonly GlobalSecondaryIndexes?: GlobalSecondaryIndex[];
}

/**
 * The skill's own tables on DynamoDB, as data: the adapter reads its names and keys from here, the
 * tests create their tables from here, and serverless.yml is checked against it. Every table is
 * named `<prefix>-<suffix>` and billed on demand.
 */

export type StateTableSuffix =
  | 'handoffs'
  | 'conversations'
  | 'purchase-pins'
  | 'checkout-claims'
  | 'turn-events'
  | 'call-states'
  | 'shared-accounts'
  | 'order-notifications'
  | 'account-links';

export interface StateTableDefinition {
  readonly suffix: StateTableSuffix;
  readonly keySchema: readonly KeySchemaElement[];
  /** Only the attributes that are keys of the table or of an index, as DynamoDB requires. */
  readonly attributeDefinitions: readonly AttributeDefinition[];
  readonly globalSecondaryIndexes: readonly GlobalSecondaryIndex[];
  /** The attribute holding the epoch second after which DynamoDB deletes the item; absent when nothing expires. */
  readonly timeToLiveAttribute?: string;
}

/** The sparse index of the handoffs table: only tickets still waiting for the helpdesk webhook carry its keys. */
export const OUTBOX_INDEX = 'outbox';

/**
 * Handoff tickets, in three kinds of item under one partition key:
 * - `ticket#<idempotency key>`: the ticket itself, written once with a condition, so one key files one ticket;
 * - `reference#<six digits>`: the reference reserved for a ticket, so no two tickets share one;
 * - a ticket waiting for the webhook also has `queue` and `dueKey` (due time, then filing time and
 *   reference), which puts it in the sparse `outbox` index until it is delivered.
 * Tickets do not expire.
 */
export const HANDOFFS_TABLE: StateTableDefinition = {
  suffix: 'handoffs',
  keySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  attributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'queue', AttributeType: 'S' },
    { AttributeName: 'dueKey', AttributeType: 'S' },
  ],
  globalSecondaryIndexes: [
    {
      IndexName: OUTBOX_INDEX,
      KeySchema: [
        { AttributeName: 'queue', KeyType: 'HASH' },
        { AttributeName: 'dueKey', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    },
  ],
};

/** Conversation turns: the conversation id, then a sort key that orders its turns oldest first. They expire. */
export const CONVERSATIONS_TABLE: StateTableDefinition = {
  suffix: 'conversations',
  keySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  attributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'S' },
  ],
  globalSecondaryIndexes: [],
  timeToLiveAttribute: 'expiresAt',
};

/** One item per shopper with a purchase PIN: its scrypt hash, wrong tries and lockout. */
export const PURCHASE_PINS_TABLE: StateTableDefinition = {
  suffix: 'purchase-pins',
  keySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  attributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  globalSecondaryIndexes: [],
};

/** The latest claim on a basket: shopper id, then basket fingerprint. Claims expire once their window is long over. */
export const CHECKOUT_CLAIMS_TABLE: StateTableDefinition = {
  suffix: 'checkout-claims',
  keySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  attributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'S' },
  ],
  globalSecondaryIndexes: [],
  timeToLiveAttribute: 'expiresAt',
};

/** The sparse index of the turn-events table: only events of a linked shopper carry its key. */
export const TURN_EVENTS_BY_SHOPPER_INDEX = 'by-shopper';

/**
 * Turn events for the containment report: partitioned by UTC day (`day#YYYY-MM-DD`), so a week is
 * seven Queries, and sorted by time then a unique suffix. A linked shopper's events also carry
 * `shopperHash`, which puts them in the sparse `by-shopper` index, so a shopper can be forgotten
 * without a Scan. They expire (TTL) after the retention the adapter is given.
 */
export const TURN_EVENTS_TABLE: StateTableDefinition = {
  suffix: 'turn-events',
  keySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  attributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'S' },
    { AttributeName: 'shopperHash', AttributeType: 'S' },
  ],
  globalSecondaryIndexes: [
    {
      IndexName: TURN_EVENTS_BY_SHOPPER_INDEX,
      KeySchema: [
        { AttributeName: 'shopperHash', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      // Only the keys: forgetting a shopper needs no more than what identifies each item.
      Projection: { ProjectionType: 'KEYS_ONLY' },
    },
  ],
  timeToLiveAttribute: 'expiresAt',
};

/**
 * Phone calls in progress (the phone carries no session): one item per call, and one per relay
 * socket on API Gateway, replaced after every turn and deleted by TTL after the call.
 */
export const CALL_STATES_TABLE: StateTableDefinition = {
  suffix: 'call-states',
  keySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  attributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  globalSecondaryIndexes: [],
  timeToLiveAttribute: 'expiresAt',
};

/** Device accounts a household shares (household/): one item per keyed hash of the account id, written once, kept. */
export const SHARED_ACCOUNTS_TABLE: StateTableDefinition = {
  suffix: 'shared-accounts',
  keySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  attributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  globalSecondaryIndexes: [],
};

/**
 * The account linking Shopvoice serves for a Medusa store (platforms/medusa-link), in two kinds of
 * item: `code#<hash of the code>`, a one-time code's sealed grant, deleted as it is redeemed; and
 * `sign-in#<hash of the email>`, the times of its recent failed sign-ins. Both expire.
 */
export const ACCOUNT_LINKS_TABLE: StateTableDefinition = {
  suffix: 'account-links',
  keySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  attributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  globalSecondaryIndexes: [],
  timeToLiveAttribute: 'expiresAt',
};

/** The sparse index of the order-notifications table: only notifications still to be sent carry its keys. */
export const NOTIFICATIONS_DUE_INDEX = 'due';
/** The sparse index by shopper of the order-notifications table, so a shopper's items are forgotten without a Scan. */
export const NOTIFICATIONS_BY_SHOPPER_INDEX = 'by-shopper';

/**
 * Order notifications (events/), two kinds of item:
 * - `subscriber#<shopper id>` / `<platform>#<recipient>`: the shopper's newest word on being notified;
 * - `change#<change key>` / `to#<recipient>`: one notification of one change, written once with a
 *   condition, so a change is queued once per recipient however often the store reports it. While
 *   it waits it carries `queue` and `dueKey` (due time, queued time, keys), which put it in the
 *   sparse `due` index; a sender claims it with a conditional write, so two senders never both get it.
 * Every item carries `shopperId` (the `by-shopper` index). Notifications expire (TTL) a month after
 * their change, long after it is old news; subscriptions are kept until the shopper is forgotten.
 */
export const ORDER_NOTIFICATIONS_TABLE: StateTableDefinition = {
  suffix: 'order-notifications',
  keySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  attributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'S' },
    { AttributeName: 'queue', AttributeType: 'S' },
    { AttributeName: 'dueKey', AttributeType: 'S' },
    { AttributeName: 'shopperId', AttributeType: 'S' },
  ],
  globalSecondaryIndexes: [
    {
      IndexName: NOTIFICATIONS_DUE_INDEX,
      KeySchema: [
        { AttributeName: 'queue', KeyType: 'HASH' },
        { AttributeName: 'dueKey', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    },
    {
      IndexName: NOTIFICATIONS_BY_SHOPPER_INDEX,
      KeySchema: [
        { AttributeName: 'shopperId', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    },
  ],
  timeToLiveAttribute: 'expiresAt',
};

export const STATE_TABLES: readonly StateTableDefinition[] = [
  HANDOFFS_TABLE,
  CONVERSATIONS_TABLE,
  PURCHASE_PINS_TABLE,
  CHECKOUT_CLAIMS_TABLE,
  TURN_EVENTS_TABLE,
  CALL_STATES_TABLE,
  SHARED_ACCOUNTS_TABLE,
  ORDER_NOTIFICATIONS_TABLE,
  ACCOUNT_LINKS_TABLE,
];

export function stateTableName(tablePrefix: string, suffix: StateTableSuffix): string {
  return `${tablePrefix}-${suffix}`;
}

/** The CreateTable request for one of the tables (on-demand billing); TTL is switched on separately. */
export function createTableInput(tablePrefix: string, table: StateTableDefinition): CreateTableInput {
  return {
    TableName: stateTableName(tablePrefix, table.suffix),
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: table.keySchema.map((key) => ({ ...key })),
    AttributeDefinitions: table.attributeDefinitions.map((attribute) => ({ ...attribute })),
    ...(table.globalSecondaryIndexes.length > 0
      ? { GlobalSecondaryIndexes: table.globalSecondaryIndexes.map((index) => structuredClone(index)) }
      : {}),
  };
}
