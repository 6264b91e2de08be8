/**
 * English strings of the hand-off (cybozu.com tenants saved on the cybozu.com Store), merged into
 * the app's resources by i18n/setup.ts.
 */
export const handoffEn = {
  handoff: {
    kind: {
      label: 'How the list is saved',
      api: 'Service with the admin API',
      apiHint: 'The app saves the list through the service’s admin API, with your login.',
      store: 'cybozu.com (upload on the cybozu.com Store)',
      storeHint:
        'cybozu.com has no admin API for the IP address restriction: the app makes the file and guides you, and you save it on the cybozu.com Store. No login or password is asked for or stored.',
      urlHint: 'Your cybozu.com address, e.g. https://example.cybozu.com.',
    },
    inForce: {
      heading: 'The list in force on the cybozu.com Store',
      intro:
        'The app cannot read a cybozu.com IP address restriction. Enter the list in force now, as the cybozu.com Store shows it (Domains → Security & Authentication → IP Address Restrictions), typed or from a file: your changes are compared with it.',
      typedLabel: 'Entries in force (one a line: address, CIDR, memo; pasted from Excel works too)',
      fromFile: 'Import from a file…',
      parsed_one: '{{count}} entry read.',
      parsed_other: '{{count}} entries read.',
      use: 'Use as the list in force',
      saving: 'Saving…',
      stated: 'As stated by you, not checked with the service',
      line: 'The list in force: revision {{revision}}, {{mode}}, {{count}} entries (since {{time}}).',
      restate: 'Enter the list in force again…',
      restateHint:
        'If the cybozu.com Store shows another list than this (someone changed it there), enter that one: your draft is kept.',
      cancel: 'Cancel',
    },
    egress: {
      heading: 'Your address',
      agree: 'Your address as the address-check endpoints see it: {{ip}}',
      disagree:
        'Your address is unknown: the address-check endpoints saw different addresses ({{ips}}). A proxy or a split tunnel (VPN) may send some traffic another way, so the address the tenant sees cannot be told.',
      ipv6Only:
        'Your address is unknown: the address-check endpoints saw only the IPv6 address {{ip}}. The IP address restriction lists IPv4 addresses; behind a proxy or a split tunnel (VPN) the tenant may see another one.',
      none: 'Your address is unknown: no address-check endpoint gave a public IP address (offline, blocked by a proxy, or an answer that is not a public address).',
      /** Between the addresses of one list in a sentence. */
      separator: ', ',
      answer: '{{url}}: {{ip}}',
      answerFailed: '{{url}}: no answer ({{message}})',
      endpoints: 'Address-check endpoints',
      endpointsHint:
        'Public “what is my IP” services asked for your IPv4 address, one URL a line. They must all agree.',
      saveEndpoints: 'Save endpoints',
      resetEndpoints: 'Use the defaults',
      endpointsSaved: 'Endpoints saved.',
      check: 'Check my address',
    },
    plan: {
      intro:
        'This is the list the file for the cybozu.com Store will hold. Nothing changes on {{service}} until you save it there.',
      confirm: 'Make the file for the cybozu.com Store',
    },
    refused: {
      title: 'The cybozu.com Store would not take these entries, so no file was made:',
    },
    guide: {
      title: 'Save the list on the cybozu.com Store',
      fileReady:
        'The file {{file}} is ready: {{count}} entries, the cybozu.com Store’s CSV (Shift_JIS).',
      allowAllReady:
        'This change sets the IP address restriction to allow every address: no file is needed.',
      steps: 'Steps',
      step1:
        'Log in to the cybozu.com Store (https://store.cybozu.com) as a cybozu.com Store Administrator.',
      step2: 'Open Domains.',
      step3: 'Open Security & Authentication.',
      step4: 'Choose the domain {{domain}}.',
      step5: 'Under IP Address Restrictions, click Change.',
      step6: 'Choose “Allow specific IP addresses”.',
      step7: 'Import the CSV file {{file}}.',
      step8:
        'Check the list the Store shows, then save. The Store sends the completion e-mail with the Reset URL (valid for one hour).',
      stepAllowAll: 'Choose “Allow all”, then save.',
      question: 'Saved on the cybozu.com Store?',
      questionHint:
        'Answer once the Store shows the new list as saved: it becomes the list in force here, revision {{revision}}, and the Reset URL hour starts.',
      yes: 'Yes, saved on the Store',
      no: 'Not saved: forget the file',
      later: 'Decide later',
      pending: 'A file for the cybozu.com Store is waiting ({{file}}, made {{time}}).',
      pendingAllowAll:
        'A change to allow every address is waiting to be saved on the cybozu.com Store (since {{time}}).',
      openGuide: 'Saved on the Store?…',
    },
    saved: {
      line: 'Saved on the cybozu.com Store as revision {{revision}} ({{time}}).',
      resetLeft:
        'If anyone loses access, the Reset URL in the completion e-mail works until about {{time}} ({{left}} left).',
      resetOver:
        'The Reset URL’s hour is over; a cybozu.com Store Administrator can still turn the restriction off on the Store.',
      recovery: 'Lost access? How to get back…',
      close: 'Close',
      checkPage: 'Check the login page from this computer',
      checking: 'Checking…',
      pageStatus: '{{url}} answered HTTP {{status}}.',
      pageRedirect: '{{url}} answered HTTP {{status}}, pointing to {{location}}.',
      pageFailed: '{{url}} did not answer: {{message}}',
      pageJudge:
        'cybozu.com does not document its refusal page: judge from the status, or open the page in your browser.',
    },
    recovery: {
      title: 'If you lost access after the save on the cybozu.com Store',
      step3: 'Come back here and press “Access is back”.',
      accessBack: 'Access is back',
      accessBackHint:
        'Press it once the tenant lets you in again: the list in force is then the IP address restriction turned off (“Allow all”), and you can restore the list from before the save.',
      back: 'Back to the list',
    },
  },
} as const;
