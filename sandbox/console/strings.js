// The simulated console's own texts, in the user's language (the real console loads lang_<locale>.json): the login
// form, the menu and its messages. The Users view and the enterprise dialog bring their labels with their markup
// (test/fixtures/console/*.3x.<lang>.html).
export const STRINGS = {
  en: {
    loginTitle: 'Log in to Abiquo',
    username: 'Username',
    password: 'Password',
    login: 'Log in',
    loginFailed: 'Wrong username or password',
    users: 'Users',
    dashboard: 'Home',
    edit: 'Edit enterprise',
    keyNodeMarker: '(K)',
    resellerMarker: '(R)',
    noPermission: 'You do not have permission to see this',
    notSimulated: 'Not simulated in the sandbox',
  },
  es: {
    loginTitle: 'Inicie sesión en Abiquo',
    username: 'Usuario',
    password: 'Contraseña',
    login: 'Iniciar sesión',
    loginFailed: 'Usuario o contraseña incorrectos',
    users: 'Usuarios',
    dashboard: 'Inicio',
    edit: 'Editar empresa',
    keyNodeMarker: '(K)',
    resellerMarker: '(R)',
    noPermission: 'No tiene permiso para ver esto',
    notSimulated: 'No simulado en el sandbox',
  },
};

export const stringsFor = (locale) =>
  String(locale ?? '')
    .toLowerCase()
    .startsWith('es')
    ? STRINGS.es
    : STRINGS.en;
