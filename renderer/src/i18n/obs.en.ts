/**
 * English texts of the `obs` section (OBS connection, header badge, scene list). Kept in its
 * own file so en.ts stays small; en.ts mounts it as `obs`, and zh-CN mirrors it key for key.
 * Failure reasons are keyed by the contract's OBS error codes.
 */
import obsSetupEn from './obs-setup.en';

const obsEn = {
  title: 'OBS Studio',
  subtitle: 'Cuecart drives OBS through its WebSocket server (obs-websocket 5, built into OBS 28 and newer).',
  fields: {
    host: 'Host',
    port: 'Port',
    password: 'Password',
    connectOnStart: 'Connect on start',
  },
  help: {
    host: 'The computer running OBS: 127.0.0.1 when it is this one.',
    port: 'In OBS: Tools → WebSocket Server Settings → Server Port (usually 4455).',
    connectOnStart: 'Connect to OBS whenever Cuecart starts.',
  },
  placeholders: {
    host: '127.0.0.1',
    password: 'The OBS WebSocket password',
    passwordSaved: 'Saved. Type a new one to replace it',
  },
  passwordSaved: 'Saved',
  passwordNone: 'No password saved',
  clearPassword: 'Clear',
  clearPasswordConfirm: 'Forget the saved OBS password?',
  passwordCleared: 'OBS password cleared',
  addressSplit: 'Port {{port}} moved to the Port field',
  connect: 'Connect',
  reconnect: 'Apply and reconnect',
  disconnect: 'Disconnect',
  saved: 'Saved',
  validation: {
    hostRequired: 'Enter the host, e.g. 127.0.0.1',
    hostScheme: 'Enter only the host name or IP address, without ws://',
    hostInvalid: 'Not a valid host name or IP address',
    portRequired: 'Enter the port, e.g. 4455',
    portRange: 'The port is a whole number from 1 to 65535',
  },
  state: {
    connected: 'Connected',
    connecting: 'Connecting…',
    reconnecting: 'Reconnecting',
    disconnected: 'Not connected',
    failed: 'Connection stopped',
  },
  badge: {
    connected: 'OBS {{rtt}} ms',
    connectedPlain: 'OBS',
    connecting: 'OBS connecting…',
    reconnecting: 'OBS reconnecting ({{attempt}})',
    disconnected: 'OBS off',
    failed: 'OBS: {{reason}}',
    loading: 'OBS …',
    open: 'Open OBS settings',
    live: 'LIVE',
    rec: 'REC',
    paused: 'paused',
  },
  details: {
    state: 'Status',
    target: 'Address',
    obsVersion: 'OBS',
    wsVersion: 'obs-websocket',
    rtt: 'Round trip',
    rttValue: '{{ms}} ms',
    since: 'Connected since',
    collection: 'Scene collection',
    studioMode: 'Studio mode',
    on: 'On',
    off: 'Off',
    retryIn: 'Attempt {{attempt}} in {{seconds}} s',
    retryingNow: 'Attempt {{attempt}} now…',
    notConnectedHint: 'Enter the address and password from OBS → Tools → WebSocket Server Settings → Show Connect Info, then press Connect.',
    obsSays: 'OBS said: {{message}}',
  },
  reasons: {
    auth_failed: {
      short: 'wrong password',
      title: 'OBS rejected the password',
      help: 'Check Tools → WebSocket Server Settings in OBS (Show Connect Info shows the password), enter it here and press Connect.',
    },
    unsupported_version: {
      short: 'version not supported',
      title: 'This OBS version is not supported',
      help: 'Cuecart needs OBS 28 or newer (obs-websocket 5). Update OBS, then press Connect.',
    },
    kicked: {
      short: 'disconnected in OBS',
      title: 'OBS disconnected Cuecart',
      help: 'Someone ended Cuecart’s session in OBS (WebSocket Server Settings → connected clients). Press Connect when ready.',
    },
    unreachable: {
      short: 'not reachable',
      title: 'Cannot reach OBS',
      help: 'Is OBS running on that computer, with Tools → WebSocket Server Settings → Enable WebSocket server turned on? Check the host and port. Cuecart keeps trying.',
    },
    not_obs: {
      short: 'not OBS at this port',
      title: 'Something else answers at this address',
      help: 'It is not OBS’s WebSocket server. Check the port in OBS → Tools → WebSocket Server Settings (usually 4455).',
    },
    timeout: {
      short: 'not answering',
      title: 'OBS is not answering',
      help: 'OBS may be frozen or overloaded. Look at the OBS window; Cuecart keeps trying.',
    },
    connection_lost: {
      short: 'connection lost',
      title: 'Lost the connection to OBS',
      help: 'OBS closed or crashed, or the network dropped. Cuecart reconnects by itself as soon as OBS is back.',
    },
    not_connected: {
      short: 'not connected',
      title: 'Not connected to OBS',
      help: 'Press Connect.',
    },
    not_ready: {
      short: 'busy',
      title: 'OBS is still loading',
      help: 'Wait a moment; Cuecart tries again by itself.',
    },
    not_found: {
      short: 'not found',
      title: 'OBS could not find a scene or source',
      help: 'Check the scene and source names in OBS.',
    },
    wrong_kind: {
      short: 'wrong source type',
      title: 'That source is of another type',
      help: 'Pick a text, image or browser source of the right type in OBS.',
    },
    request_failed: {
      short: 'request refused',
      title: 'OBS refused a request',
      help: 'Look at OBS’s log (Help → Log Files) for details.',
    },
    protocol_error: {
      short: 'protocol error',
      title: 'OBS closed the connection (protocol error)',
      help: 'Restart OBS and press Connect. If it happens again, update OBS and Cuecart.',
    },
  },
  scenes: {
    title: 'Scenes in OBS',
    count: 'Scenes: {{count}}',
    program: 'PGM',
    preview: 'PVW',
    programTip: 'On air (program)',
    previewTip: 'In preview (studio mode)',
    studioMode: 'Studio mode',
    stale: 'Last known state',
    staleTip: 'Not connected to OBS: this is what OBS showed last.',
    empty: 'This scene collection has no scenes.',
    notConnected: 'Connect to OBS to see its scenes and sources.',
    openSettings: 'Open OBS settings',
    noItems: 'No sources',
    items: 'Sources: {{count}}',
    group: 'Group',
    scene: 'Scene',
    visible: 'Visible in OBS',
    hidden: 'Hidden in OBS',
  },
  /** Preflight, overlay installer, native-source bindings. */
  setup: obsSetupEn,
};

export default obsEn;
