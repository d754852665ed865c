// Worker-thread entry of the render pool: renders and verifies one file per message.
import { renderVerified } from './render';
import { serveRenderRequests } from './render-thread-protocol';

serveRenderRequests(renderVerified);
