/**
 * Type-only re-exports from obs-websocket-js, so the rest of the module names one place.
 *
 * We use the JSON build everywhere (not the msgpack one Node would pick by default): the
 * traffic we subscribe to is tiny, and JSON frames can be read in any WebSocket inspector
 * when a show goes wrong, and faked in tests without a msgpack codec.
 */
export type {
  EventTypes,
  OBSEventTypes,
  OBSRequestTypes,
  OBSResponseTypes,
  RequestBatchRequest,
  ResponseMessage,
} from 'obs-websocket-js/json';

/** obs-websocket-js types item lists as loose JSON objects. */
export type JsonObject = Record<string, unknown>;
