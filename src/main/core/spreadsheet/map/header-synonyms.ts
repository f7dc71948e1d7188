import type { ImportKind } from '../../../../shared/domain/spreadsheet';

/**
 * Column headers registers really use, per field, in French and English, beside Gardien's own
 * labels and field names (headers.ts adds those). Matching ignores case, accents, punctuation,
 * "de/du/des/of/the", plurals, and reads N°, Nº, No, Num, Numéro and Number alike, so "N° de
 * série", "No série" and "Numéro de série" are one entry. A leading '=' marks a header matched
 * whole only (never as a word inside a longer header, never once reduced): "S/N" must not become
 * the "N°" of a row-number column.
 */
export const HEADER_SYNONYMS: Record<ImportKind, Record<string, readonly string[]>> = {
  weapons: {
    nationalCode: [
      'Marquage national', 'Code national', 'N° de marquage', 'Marquage', 'Code de marquage', 'N° marquage national',
      'N° national', 'Marquage État', 'National code', 'National marking', 'National marking code', 'Marking code', 'Marking number', 'Marking',
    ],
    serial: [
      'N° de série', 'Série', 'N° de série fabricant', 'Numéro de série du fabricant', 'Serial number', 'Serial',
      'Manufacturer serial number', '=S/N', '=SN', '=NS',
    ],
    manufacturer: ['Marque', 'Fabricant', 'Constructeur', 'Manufacturer', 'Make', 'Maker', 'Brand'],
    model: ['Modèle', 'Modèle de l’arme', 'Model'],
    countryOfManufacture: ['Pays de fabrication', 'Pays', 'Origine', 'Pays d’origine', 'Country of manufacture', 'Country', 'Country of origin', 'Origin'],
    yearOfManufacture: ['Année', 'Année de fabrication', 'Année fabrication', 'Millésime', 'Year', 'Year of manufacture', 'Manufacture year', 'Year made'],
    type: ['Type d’arme', 'Type', 'Catégorie', 'Catégorie d’arme', 'Genre', 'Nature de l’arme', 'Weapon type', 'Category', 'Kind'],
    calibre: ['Calibre', 'Caliber', 'Cal'],
    markingLocation: [
      'Emplacement du marquage', 'Emplacement des marquages', 'Position du marquage', 'Localisation du marquage', 'Lieu du marquage',
      'Location of marking', 'Marking location', 'Marking position',
    ],
    agency: ['Service', 'Service détenteur', 'Corps', 'Service utilisateur', 'Détenteur', 'Force', 'Administration', 'Agency', 'Unit/Service', 'Unité/Service', 'Owning agency'],
    location: ['Emplacement', 'Magasin', 'Râtelier', 'Localisation', 'Lieu de stockage', 'Armurerie', 'Position', 'Location', 'Store', 'Rack', 'Storage location'],
    acquisitionDate: [
      'Date d’acquisition', 'Date d’entrée', 'Date de réception', 'Date de prise en charge', 'Acquisition date', 'Date acquired',
      'Date received', 'Receipt date', 'Entry date',
    ],
    acquisitionMode: ['Mode d’acquisition', 'Origine de l’arme', 'Mode d’entrée', 'Acquisition mode', 'Acquisition type', 'How acquired', 'Acquisition'],
    acquisitionSource: ['Provenance', 'Source', 'Fournisseur', 'Supplier', 'Acquired from', 'Received from', 'Vendor'],
    acquisitionDocument: [
      'Référence du document', 'Document', 'Pièce justificative', 'Référence', 'Réf', 'Bon de livraison', 'Licence d’importation',
      'Document reference', 'Reference', 'Ref',
    ],
    condition: ['État', 'État de l’arme', 'État général', 'Condition'],
    importCountry: ['Pays d’importation', 'Pays importateur', 'Import country', 'Country of import'],
    importYear: ['Année d’importation', 'Import year', 'Year of import'],
    importer: ['Importateur', 'Importer'],
    otherMarks: ['Autres marquages', 'Autres marques', 'Poinçons', 'Other marks', 'Other markings', 'Proof marks'],
    marksIllegible: [
      'Marquages effacés ou illisibles', 'Marquage effacé', 'Marquages illisibles', 'Illisible', 'Effacé', 'Marks illegible',
      'Marks obliterated', 'Obliterated',
    ],
    markingDate: ['Date du marquage', 'Marqué le', 'Marking date', 'Date of marking', 'Date marked'],
    markingOperator: ['Opérateur du marquage', 'Opérateur', 'Marqué par', 'Marking operator', 'Operator', 'Marked by'],
    markingMachine: ['Machine de marquage', 'Machine', 'Marking machine'],
    notes: ['Observations', 'Remarques', 'Notes', 'Commentaires', 'Obs', 'Remarks', 'Comments'],
  },
  officers: {
    serviceNumber: ['Matricule', 'N° matricule', 'Mle', 'N° mle', 'Mat', 'Identifiant', 'Service number', 'Personnel number', 'Badge number', 'Badge'],
    // One name field: with separate "Nom" and "Prénom" columns, "Nom" is mapped and "Prénom" left.
    name: [
      'Nom', 'Nom et prénom', 'Nom et prénoms', 'Nom prénom', 'Noms et prénoms', 'Nom complet', 'Prénom et nom', 'Prénoms et nom',
      'Name', 'Full name', 'Surname', 'Last name', 'Officer', 'Agent',
    ],
    rank: ['Grade', 'Rank'],
    unit: ['Unité', 'Unité d’affectation', 'Affectation', 'Brigade', 'Commissariat', 'Compagnie', 'Unit', 'Posting'],
    agency: ['Service', 'Corps', 'Service détenteur', 'Force', 'Administration', 'Agency', 'Service/Corps'],
  },
  lots: {
    lotNumber: ['N° de lot', 'Lot', 'Lot number', 'Lot n°'],
    nature: ['Nature', 'Désignation', 'Nature de la munition', 'Type de munition', 'Munition', 'Nomenclature', 'Description', 'Ammunition', 'Ammunition type'],
    calibre: ['Calibre', 'Caliber', 'Cal'],
    manufacturer: ['Fabricant', 'Marque', 'Manufacturer', 'Make'],
    country: ['Pays de fabrication', 'Pays', 'Origine', 'Pays d’origine', 'Country', 'Country of manufacture', 'Country of origin'],
    yearOfManufacture: ['Année de fabrication', 'Année', 'Millésime', 'Year', 'Year of manufacture'],
    hazardDivision: ['Division de risque', 'Division', 'Division de danger', 'Classe de risque', 'Hazard division', 'HD', 'Div'],
    compatibilityGroup: ['Groupe de compatibilité', 'Groupe', 'GC', 'Compatibility group', 'CG', 'Group'],
    unNumber: ['N° ONU', 'ONU', 'Code ONU', 'UN number', 'UN', 'UN code'],
    neqPerUnitKg: [
      'NEQ', 'NEQ par coup', 'NEQ unitaire', 'NEQ kg', 'Quantité nette d’explosif', 'Masse nette d’explosif', 'Poids d’explosif',
      'NEQ per unit', 'NEQ per round', 'Net explosive quantity',
    ],
    roundsPerBox: ['Coups par boîte', 'Cartouches par boîte', 'Nombre par boîte', 'Rounds per box', 'Rounds/box', 'Per box'],
    boxesPerCase: ['Boîtes par caisse', 'Par caisse', 'Boxes per case', 'Boxes/case', 'Per case'],
    inspectionIntervalMonths: ['Périodicité d’inspection', 'Périodicité', 'Intervalle d’inspection', 'Inspection interval', 'Inspection interval months'],
    lastInspection: ['Dernière inspection', 'Date de dernière inspection', 'Date d’inspection', 'Last inspection', 'Last inspected', 'Inspection date'],
    nextInspection: ['Prochaine inspection', 'Prochaine inspection due', 'Next inspection', 'Next inspection due', 'Inspection due'],
    shelfLifeEnd: ['Fin de durée de vie', 'Date de péremption', 'Péremption', 'Fin de vie', 'Date limite', 'Expiry', 'Expiry date', 'Shelf life', 'End of shelf life', 'Expiration'],
    store: ['Magasin', 'Dépôt', 'Soute', 'Entrepôt', 'Code du magasin', 'Nom du magasin', 'Store', 'Store code', 'Store name', 'Magazine', 'Depot'],
    bay: ['Travée', 'Pile', 'Travée ou pile', 'Emplacement', 'Rayon', 'Casier', 'Bay', 'Stack', 'Bay or stack'],
    quantity: ['Quantité', 'Qté', 'Nombre de coups', 'Nombre', 'Quantité coups', 'Quantity', 'Qty', 'Rounds'],
    date: ['Date de réception', 'Date', 'Date d’entrée', 'Reçu le', 'Receipt date', 'Date of receipt', 'Date received'],
    source: ['Provenance', 'Source', 'Fournisseur', 'Reçu de', 'Received from', 'Supplier'],
    document: ['Référence du document', 'Document', 'Bon de livraison', 'Référence', 'Réf', 'Document reference', 'Reference', 'Ref'],
  },
};
