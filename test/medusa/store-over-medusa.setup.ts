/**
 * Jest setup of the 'over-medusa' project: createTestApp points the skill at the run's Medusa
 * (medusa.global-setup.ts) through the Medusa adapter, with Medusa's own customer tokens.
 */
process.env.SHOPVOICE_TEST_COMMERCE = 'medusa';
