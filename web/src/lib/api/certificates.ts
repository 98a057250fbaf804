/** Bodies the certificate pages send, checked before sending with the route's own schema. */
import { bodySchemaOf } from './client';

/** Body of a paper copy request: the recipient's name and postal address. */
const PaperCopyRequest = bodySchemaOf('requestPaperCopy');

/** Body of a revocation: its reason. */
const Revocation = bodySchemaOf('revokeCertificate');

export { PaperCopyRequest, Revocation };
