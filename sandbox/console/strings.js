// Labels of the simulated console, in the user's language (the real console loads lang_<locale>.json).
export const STRINGS = {
  en: {
    loginTitle: 'Log in to Abiquo', username: 'Username', password: 'Password', login: 'Log in', loginFailed: 'Wrong username or password',
    users: 'Users', dashboard: 'Home', enterprises: 'Enterprises', edit: 'Edit enterprise', keyNodeMarker: '(K)', resellerMarker: '(R)',
    editEnterprise: 'Edit enterprise', close: 'Close', general: 'General', credentials: 'Credentials', properties: 'Properties',
    name: 'Name', defaultScope: 'Default scope', reseller: 'Reseller', keyNode: 'Key node',
    public: 'Public', pricing: 'Pricing', provider: 'Provider', accessKeyId: 'Access key ID', secretAccessKey: 'Secret access key',
    onlyForBilling: 'Only for billing', addAccount: 'Add account', releaseAccount: 'Release account', createAccount: 'Create account',
    currentCredentials: 'Current credentials', noCredentials: 'No credentials', credentialsAssigned: 'Credentials assigned',
    noPermission: 'You do not have permission to see this', key: 'Key', value: 'Value', add: 'Add', deleteProperty: 'Delete property',
    noProperties: 'No properties', cancel: 'Cancel', save: 'Save', saved: 'Saved', loading: 'Loading…', logout: 'Log out',
  },
  es: {
    loginTitle: 'Inicie sesión en Abiquo', username: 'Usuario', password: 'Contraseña', login: 'Iniciar sesión', loginFailed: 'Usuario o contraseña incorrectos',
    users: 'Usuarios', dashboard: 'Inicio', enterprises: 'Empresas', edit: 'Editar empresa', keyNodeMarker: '(K)', resellerMarker: '(R)',
    editEnterprise: 'Editar empresa', close: 'Cerrar', general: 'General', credentials: 'Credenciales', properties: 'Propiedades',
    name: 'Nombre', defaultScope: 'Ámbito por defecto', reseller: 'Revendedor', keyNode: 'Nodo clave',
    public: 'Públicas', pricing: 'Precios', provider: 'Proveedor', accessKeyId: 'ID de clave de acceso', secretAccessKey: 'Clave de acceso secreta',
    onlyForBilling: 'Solo para facturación', addAccount: 'Añadir cuenta', releaseAccount: 'Liberar cuenta', createAccount: 'Crear cuenta',
    currentCredentials: 'Credenciales actuales', noCredentials: 'Sin credenciales', credentialsAssigned: 'Credenciales asignadas',
    noPermission: 'No tiene permiso para ver esto', key: 'Clave', value: 'Valor', add: 'Añadir', deleteProperty: 'Eliminar propiedad',
    noProperties: 'Sin propiedades', cancel: 'Cancelar', save: 'Guardar', saved: 'Guardado', loading: 'Cargando…', logout: 'Cerrar sesión',
  },
};

export const stringsFor = (locale) => (String(locale ?? '').toLowerCase().startsWith('es') ? STRINGS.es : STRINGS.en);
