// Swagger UI over the live OpenAPI document, opened from the terminal's 接口文档 in the same tab: its calls carry the
// operator's token of this tab's session, so "Try it out" acts with the operator's own role and stores. Without a
// session (the page opened on its own) the API answers 401 and the operator logs in at the terminal first.
import * as session from './session.js';

const s = session.current();
window.ui = window.SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  filter: true,
  validatorUrl: null,
  requestInterceptor: (request) => {
    if (s && s.token && !request.headers.Authorization) request.headers.Authorization = `Bearer ${s.token}`;
    return request;
  },
});
