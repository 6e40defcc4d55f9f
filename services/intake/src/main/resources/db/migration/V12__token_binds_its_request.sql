-- A token (a form's or an API client's Idempotency-Key) is bound to the request it first came with: the SHA-256 of
-- the draft's format, target article and text. The same token with another request is refused, not answered with
-- the first request's revision. Rows from before this version have none and match any request, as before.
alter table submission_token add column request_hash text;
