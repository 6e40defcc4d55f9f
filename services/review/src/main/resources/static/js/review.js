// htmx swaps nothing when a request fails (signed out, a server error, no network), so a decision would seem to do
// nothing: say so in the claim's block instead. Refusals are answered 200 with their message and never land here.
(function () {
  function failed(event) {
    var block = event.detail.elt && event.detail.elt.closest ? event.detail.elt.closest('.claim') : null;
    if (!block) {
      return;
    }
    var message = block.querySelector('.request-failed');
    if (!message) {
      message = document.createElement('p');
      message.className = 'problem message request-failed';
      message.setAttribute('role', 'alert');
      block.appendChild(message);
    }
    var status = event.detail.xhr && event.detail.xhr.status;
    message.textContent = status === 401 ? 'Not recorded: you were signed out. Reload the page to sign in again.'
        : 'Not recorded' + (status ? ' (the server answered ' + status + ')' : ' (no connection)')
            + ': reload the page and try again.';
  }
  document.addEventListener('htmx:responseError', failed);
  document.addEventListener('htmx:sendError', failed);
})();
