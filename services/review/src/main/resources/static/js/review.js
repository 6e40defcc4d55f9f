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

// Keyboard shortcuts on the review page, for reviewers who decide claim after claim: j/k move to the next/previous
// claim, a approves the claim in focus, r rejects it (or puts the cursor in its comment, which a rejection needs).
// Only an enhancement: every action is a button in the page without them.
(function () {
  function claims() {
    return Array.prototype.slice.call(document.querySelectorAll('article.claim'));
  }
  function current() {
    var active = document.activeElement;
    return active && active.closest ? active.closest('article.claim') : null;
  }
  function focusClaim(claim) {
    if (claim) {
      claim.focus();
      claim.scrollIntoView({block: 'center'});
    }
  }
  function move(step) {
    var all = claims();
    if (!all.length) {
      return;
    }
    var at = all.indexOf(current());
    focusClaim(all[at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(Math.max(at + step, 0), all.length - 1)]);
  }
  function decide(claim, verdict) {
    if (!claim) {
      return;
    }
    var details = claim.querySelector('details.change-decision');
    if (details) {
      details.open = true;
    }
    var button = claim.querySelector('button[name=decision][value=' + verdict + ']');
    var comment = claim.querySelector('textarea[name=comment]');
    if (verdict === 'REJECTED' && comment && !comment.value.trim()) {
      comment.focus();
      comment.reportValidity();
      return;
    }
    if (button) {
      button.click();
    }
  }
  document.addEventListener('DOMContentLoaded', function () {
    var hint = document.querySelector('.shortcuts');
    if (hint) {
      hint.hidden = false;
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) {
      return;
    }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName))) {
      return;
    }
    if (!document.querySelector('article.claim')) {
      return;
    }
    switch (event.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'a': decide(current(), 'APPROVED'); break;
      case 'r': decide(current(), 'REJECTED'); break;
      default: return;
    }
    event.preventDefault();
  });
  // After htmx swaps a decided claim in, keep the keyboard where it was: on that claim.
  document.addEventListener('htmx:afterSwap', function (event) {
    var claim = event.detail.target;
    if (claim && claim.id && document.getElementById(claim.id) && document.activeElement === document.body) {
      document.getElementById(claim.id).focus({preventScroll: true});
    }
  });
})();

// Times are sent as "3 hours ago" with the UTC time as a tooltip; where a script runs, the tooltip shows local time.
document.addEventListener('DOMContentLoaded', function () {
  Array.prototype.forEach.call(document.querySelectorAll('time[data-local]'), function (time) {
    var at = new Date(time.getAttribute('datetime'));
    if (!isNaN(at)) {
      time.title = at.toLocaleString();
    }
  });
});
