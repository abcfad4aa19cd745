export * from './payment-gateway';
export * from './payment-events';
export * from './payment-status';
export * from './payments.exception';
export * from './payment.service';
export * from './payments.module';
export { DevelopmentPaymentGateway } from './development/development-payment.gateway';
export type { ProcessedEvent } from './provider-event';
