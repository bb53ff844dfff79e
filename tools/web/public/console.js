// The web console's page: sends what is typed or heard to the console server (tools/web/console-server.ts), shows
// each turn, reads the answer aloud at the listener's pace, and shows a screen device's panel. Everything shown is
// put in as text (textContent), never as markup: what the skill or the listener says cannot become part of the page.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const form = $('say-form');
  const input = $('say-text');
  const transcript = $('transcript');
  const message = $('message');
  const announcer = $('announcer');
  const localeSelect = $('locale');
  const screenBox = $('screen');
  const readAloud = $('read-aloud');
  const screenPanel = $('screen-panel');
  const screenView = $('screen-view');
  const micButton = $('mic');
  const micNote = $('mic-note');
  const largeText = $('large-text');

  // One conversation per tab; the server keeps its session under this id.
  const client = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
  let maxTextLength = 300;
  let busy = false;

  const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function line(className, label, text) {
    const p = el('p', className);
    p.append(el('span', 'who', label), ' ', el('span', className + '-text', text));
    return p;
  }

  function showMessage(text) {
    message.textContent = text;
  }

  function announce(text) {
    // Emptied first, so the same answer said twice ("repeat") is announced twice.
    announcer.textContent = '';
    window.setTimeout(() => {
      announcer.textContent = text;
    }, 50);
  }

  function addEvent(text) {
    $('empty-transcript').hidden = true;
    const li = el('li', 'event', text);
    transcript.append(li);
    li.scrollIntoView({ block: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
  }

  function describeRequest(request) {
    if (!request.intent) return request.type;
    const slots = Object.entries(request.slots || {}).map(([name, slot]) => `${name}: "${slot.value}" → ${slot.id || '(no match)'}`);
    return slots.length ? `${request.intent} (${slots.join('; ')})` : request.intent;
  }

  function showTurn(turn) {
    $('empty-transcript').hidden = true;
    const li = el('li', 'turn');
    li.append(line('heard', 'You said:', turn.heard));
    const understood = line('intent', 'Understood as:', '');
    understood.lastChild.append(el('code', '', describeRequest(turn.request)));
    li.append(understood);
    const rate = turn.speech && turn.speech.rate !== 100 ? ` (at ${turn.speech.rate}% speed)` : '';
    li.append(line('alexa', `Alexa says${rate}:`, turn.text || '(says nothing)'));
    if (turn.reprompt) li.append(line('reprompt', 'If you say nothing:', turn.reprompt));
    if (turn.card) {
      const card = line('card', 'Card in the Alexa app:', turn.card.title);
      li.append(card, el('p', 'card-body', turn.card.text));
    }
    if (turn.ssml) {
      const details = el('details', 'ssml');
      details.append(el('summary', '', 'SSML (what the skill sent)'), el('pre', '', turn.ssml));
      li.append(details);
    }
    if (turn.endSession) li.append(el('p', 'ended', 'The session ended.'));
    transcript.append(li);
    li.scrollIntoView({ block: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
    showScreen(turn);
    announce(`Alexa says: ${turn.text || 'nothing'}`);
    speak(turn.speech, turn.locale);
  }

  function showScreen(turn) {
    screenView.replaceChildren();
    if (!turn.screen) {
      screenPanel.hidden = true;
      return;
    }
    screenPanel.hidden = false;
    screenView.append(el('h3', '', turn.screen.title));
    const items = el('ul', 'screen-items');
    for (const row of turn.screen.rows) {
      if (row.kind === 'item') {
        const button = el('button', 'screen-item', row.text);
        button.type = 'button';
        button.dataset.id = row.id;
        button.disabled = turn.endSession;
        button.addEventListener('click', () => touch(row.id, row.text));
        const li = el('li');
        li.append(button);
        items.append(li);
      } else {
        screenView.append(el('p', row.kind === 'asked' ? 'screen-asked' : 'screen-said', row.text));
      }
    }
    if (items.childElementCount) screenView.append(items);
  }

  function speak(speech, locale) {
    if (!speech || !readAloud.checked || !('speechSynthesis' in window)) return;
    window.speechSynthesis.cancel();
    const utterance = new window.SpeechSynthesisUtterance(speech.text);
    // The skill's prosody rate is a percentage of normal speed; speech synthesis takes the same as a factor.
    utterance.rate = speech.rate / 100;
    utterance.lang = locale;
    window.speechSynthesis.speak(utterance);
  }

  function stopSpeaking() {
    if ('speechSynthesis' in window) window.speechSynthesis.cancel();
  }

  async function post(path, body) {
    let response;
    try {
      response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(Object.assign({ client, locale: localeSelect.value, screen: screenBox.checked }, body)),
      });
    } catch {
      throw new Error('The console is not answering: is npm run web still running? Start it again, then try once more.');
    }
    let data;
    try {
      data = await response.json();
    } catch {
      throw new Error(`The console answered something this page cannot read (HTTP ${response.status}). Try again.`);
    }
    if (!response.ok) throw new Error(data && typeof data.error === 'string' ? data.error : `The console refused that (HTTP ${response.status}).`);
    return data;
  }

  async function send(path, body) {
    if (busy) return;
    busy = true;
    showMessage('');
    try {
      showTurn(await post(path, body));
      input.value = '';
    } catch (error) {
      showMessage(error.message);
    } finally {
      busy = false;
      // Back to the text box after every answer, so the next thing can be said at once.
      input.focus();
    }
  }

  function say(text) {
    const words = text.trim();
    if (!words) {
      showMessage('Type what you would say to Alexa first.');
      input.focus();
      return;
    }
    if (words.length > maxTextLength) {
      showMessage(`That is ${words.length} characters: say it in under ${maxTextLength}, as you would to Alexa in one go.`);
      input.focus();
      return;
    }
    void send('/api/say', { text: words });
  }

  function touch(id, label) {
    void send('/api/touch', { id, label });
  }

  async function newSession(reason) {
    stopSpeaking();
    showMessage('');
    try {
      await post('/api/new', {});
      addEvent(reason);
      showScreen({});
    } catch (error) {
      showMessage(error.message);
    }
    input.focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    say(input.value);
  });
  $('stop-speaking').addEventListener('click', stopSpeaking);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') stopSpeaking();
  });
  $('new-session').addEventListener('click', () => newSession('New session. Your pace is remembered, as on a return visit.'));
  localeSelect.addEventListener('change', () => newSession(`Now talking through the ${localeSelect.value} model: a new session.`));
  screenBox.addEventListener('change', () =>
    newSession(screenBox.checked ? 'Now a device with a screen: a new session.' : 'Now a device without a screen: a new session.'),
  );
  largeText.addEventListener('click', () => {
    const on = document.documentElement.classList.toggle('large');
    largeText.setAttribute('aria-pressed', String(on));
  });

  // Speech recognition where the browser has it; typing works everywhere.
  const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
  const online = 'Some browsers (Chrome among them) send what the microphone hears to an online service to recognise it; typing sends nothing beyond this computer.';
  if (!Recognition) {
    micButton.disabled = true;
    micNote.textContent = `This browser has no speech recognition, so the Speak button is off: type instead. ${online}`;
  } else {
    micNote.textContent = `Speak uses this browser's speech recognition. ${online}`;
    micButton.addEventListener('click', () => {
      stopSpeaking();
      const recognition = new Recognition();
      recognition.lang = localeSelect.value;
      recognition.interimResults = false;
      recognition.maxAlternatives = 1;
      micButton.textContent = 'Listening…';
      recognition.onresult = (event) => {
        const heard = event.results[0][0].transcript;
        input.value = heard;
        say(heard);
      };
      recognition.onerror = (event) => showMessage(`The microphone heard nothing it could use (${event.error}). Type instead, or try again.`);
      recognition.onend = () => {
        micButton.textContent = 'Speak';
      };
      recognition.start();
    });
  }
  if (!('speechSynthesis' in window)) {
    readAloud.checked = false;
    readAloud.disabled = true;
  }

  fetch('/api/info')
    .then((response) => response.json())
    .then((info) => {
      maxTextLength = info.maxTextLength;
      for (const locale of info.locales) {
        const option = el('option', '', locale);
        option.value = locale;
        option.selected = locale === info.defaultLocale;
        localeSelect.append(option);
      }
      document.body.dataset.ready = 'true';
    })
    .catch(() => showMessage('The console is not answering: is npm run web still running? Start it again, then reload this page.'));
})();
