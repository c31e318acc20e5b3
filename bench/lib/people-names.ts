/**
 * Name data for the people generator: common given and family names per culture, in their own script.
 * A name in a non-Latin script comes with the romanisation people use in their email addresses;
 * Latin names keep their accents and are folded to ASCII for emails by the generator.
 */
export type NameEntry = string | readonly [native: string, latin: string];

export type Country = { code: string; weight: number; language: string; timezones: readonly string[] };

export type Culture = {
  key: string;
  weight: number;
  /** Family name first in the full name (East Asian and Vietnamese order). */
  familyFirst: boolean;
  /** Between the parts of the full name: nothing for Chinese and Korean. */
  separator: string;
  countries: readonly Country[];
  given: readonly NameEntry[];
  family: readonly NameEntry[];
  /** Free mail providers people of this culture use, besides the global ones. */
  mailDomains: readonly string[];
  /** Company names: `{family}` is a family name as written, `{slug}` its ASCII form for the domain. */
  companies: readonly (readonly [name: string, domain: string])[];
};

/** Words separated by `|` or line breaks. */
function list(text: string): string[] {
  return text
    .split(/[|\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/** Names as `list` gives them; `native=latin` adds the romanisation. */
function names(text: string): NameEntry[] {
  return list(text).map((entry) => {
    const [native, latin] = entry.split("=");
    return latin === undefined ? entry : ([native as string, latin] as const);
  });
}

const country = (code: string, weight: number, language: string, ...timezones: string[]): Country => ({
  code,
  weight,
  language,
  timezones,
});

export const cultures: readonly Culture[] = [
  {
    key: "en",
    weight: 18,
    familyFirst: false,
    separator: " ",
    countries: [
      country(
        "US",
        40,
        "en-US",
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Los_Angeles",
      ),
      country("GB", 20, "en-GB", "Europe/London"),
      country("AU", 8, "en-AU", "Australia/Sydney", "Australia/Melbourne", "Australia/Perth"),
      country("CA", 8, "en-CA", "America/Toronto", "America/Vancouver"),
      country("IE", 4, "en-IE", "Europe/Dublin"),
      country("NG", 10, "en-NG", "Africa/Lagos"),
      country("ZA", 6, "en-ZA", "Africa/Johannesburg"),
      country("NZ", 4, "en-NZ", "Pacific/Auckland"),
    ],
    given: names(`
      James | Mary | Robert | Patricia | John | Jennifer | Michael | Linda | David | Elizabeth
      William | Barbara | Olivia | Noah | Emma | Liam | Chloe | Oliver | Grace | Chidi | Ngozi | Sean
      Siobhan | Aroha
    `),
    family: names(`
      Smith | Johnson | Williams | Brown | Jones | Miller | Davis | Wilson | Taylor | Anderson
      O'Brien | O'Connor | Murphy | Walsh | Thompson | White | Harris | Clarke | Okafor | Adeyemi
      Smith-Jones | Nguyen | Patel | van der Merwe
    `),
    mailDomains: ["aol.com", "btinternet.com", "bigpond.com", "comcast.net", "sky.com"],
    companies: [
      ["{family} & Sons", "{slug}andsons.com"],
      ["{family} Consulting LLC", "{slug}consulting.com"],
      ["{family} Bakery", "{slug}bakery.co.uk"],
      ["{family}, Webb & Partners", "{slug}webb.com"],
    ],
  },
  {
    key: "fr",
    weight: 8,
    familyFirst: false,
    separator: " ",
    countries: [
      country("FR", 70, "fr-FR", "Europe/Paris"),
      country("BE", 10, "fr-BE", "Europe/Brussels"),
      country("CH", 6, "fr-CH", "Europe/Zurich"),
      country("CA", 6, "fr-CA", "America/Toronto"),
      country("SN", 8, "fr-SN", "Africa/Dakar"),
    ],
    given: names(`
      Élodie | Chloé | Hélène | Jérôme | François | Anaïs | Noémie | Gaëlle | Benoît | Céline | Zoé
      Léa | Théo | Maël | Clémence | Loïc | Aurélien | Mathéo | Inès | Raphaël
    `),
    family: names(`
      Lefèvre | Dubois | Moreau | Girard | Lemaître | Bélanger | Côté | Fournier | Rousseau | Mercier
      Lévêque | Benoît | Pétain-Lebrun | Gauthier | Faure | Chevalier | Barthélemy | Ndiaye | Diop
      Lacroix
    `),
    mailDomains: ["orange.fr", "free.fr", "laposte.net", "sfr.fr", "wanadoo.fr"],
    companies: [
      ["Boulangerie {family}", "boulangerie-{slug}.fr"],
      ["{family} & Fils", "{slug}-fils.fr"],
      ["Atelier {family} SARL", "atelier{slug}.fr"],
      ["Cabinet {family}", "cabinet-{slug}.fr"],
    ],
  },
  {
    key: "es",
    weight: 10,
    familyFirst: false,
    separator: " ",
    countries: [
      country("ES", 30, "es-ES", "Europe/Madrid"),
      country("MX", 30, "es-MX", "America/Mexico_City"),
      country("AR", 12, "es-AR", "America/Argentina/Buenos_Aires"),
      country("CO", 14, "es-CO", "America/Bogota"),
      country("CL", 7, "es-CL", "America/Santiago"),
      country("PE", 7, "es-PE", "America/Lima"),
    ],
    given: names(`
      José | María | Begoña | Íñigo | Sofía | Lucía | Martín | Ramón | Álvaro | Inés | Jesús | Ángela
      Tomás | Valentina | Andrés | Camila | Joaquín | Ximena | Héctor | Mónica
    `),
    family: names(`
      García | Fernández | Muñoz | Pérez | Gómez | Hernández | Sánchez | Jiménez | Ibáñez | Rodríguez
      Martínez | López | Díaz | Núñez | Álvarez | Castañeda | Peña | Ruiz | Ortiz | de la Cruz
    `),
    mailDomains: ["hotmail.es", "yahoo.es", "telefonica.net", "prodigy.net.mx"],
    companies: [
      ["Grupo {family}", "grupo{slug}.com"],
      ["{family} y Asociados", "{slug}asociados.es"],
      ["Panadería {family}", "panaderia{slug}.mx"],
      ["Distribuciones {family} S.L.", "dist{slug}.es"],
    ],
  },
  {
    key: "de",
    weight: 7,
    familyFirst: false,
    separator: " ",
    countries: [
      country("DE", 75, "de-DE", "Europe/Berlin"),
      country("AT", 15, "de-AT", "Europe/Vienna"),
      country("CH", 10, "de-CH", "Europe/Zurich"),
    ],
    given: names(`
      Jürgen | Björn | Jörg | Uwe | Günther | Käthe | Lena | Mia | Lukas | Maximilian | Sören | Jürg
      Anja | Matthias | Bärbel | Hannah | Felix | Ursula | Tobias | Frauke
    `),
    family: names(`
      Müller | Schröder | Weiß | Groß | Köhler | Schäfer | Krüger | Hoffmann | Bäcker | Fuchs
      Schmidt | Meyer | Wagner | Becker | Schulz | Böhm | Hößl | Zimmermann | Vogt | Jäger
    `),
    mailDomains: ["web.de", "gmx.de", "t-online.de", "gmx.at", "bluewin.ch"],
    companies: [
      ["{family} GmbH", "{slug}-gmbh.de"],
      ["Bäckerei {family}", "baeckerei-{slug}.de"],
      ["{family} & Söhne KG", "{slug}-soehne.de"],
      ["Autohaus {family}", "autohaus-{slug}.at"],
    ],
  },
  {
    key: "pt",
    weight: 8,
    familyFirst: false,
    separator: " ",
    countries: [
      country("BR", 70, "pt-BR", "America/Sao_Paulo", "America/Manaus", "America/Recife"),
      country("PT", 22, "pt-PT", "Europe/Lisbon"),
      country("AO", 8, "pt-AO", "Africa/Luanda"),
    ],
    given: names(`
      João | Conceição | Gonçalo | Inês | Sebastião | Luís | Ana | Mariana | Tomé | Joana | Lúcia
      Antônio | Thiago | Letícia | Caio | Beatriz | Vitória | Fábio | Cláudia | Rúben
    `),
    family: names(`
      Gonçalves | Magalhães | Araújo | Simões | Conceição | Assunção | Antunes | Brandão | Pereira
      Silva | Santos | Oliveira | Souza | Lima | Carvalho | Ribeiro | Gomes | Falcão | Leitão | Damião
    `),
    mailDomains: ["uol.com.br", "bol.com.br", "terra.com.br", "sapo.pt", "hotmail.com.br"],
    companies: [
      ["{family} & Filhos", "{slug}filhos.com.br"],
      ["Padaria {family}", "padaria{slug}.com.br"],
      ["{family} Comércio Ltda.", "{slug}comercio.com.br"],
      ["Construções {family}", "construcoes{slug}.pt"],
    ],
  },
  {
    key: "vi",
    weight: 4,
    familyFirst: true,
    separator: " ",
    countries: [country("VN", 100, "vi", "Asia/Ho_Chi_Minh")],
    given: names(`
      Văn An | Thị Bảo | Dũng | Hương | Thảo | Phương | Quỳnh | Tuấn | Đức | Minh Anh | Thị Hằng
      Quốc Huy | Ngọc Lan | Hoàng Long | Thu Trang | Gia Bảo | Khánh Linh | Trọng Nghĩa
    `),
    family: names(`
      Nguyễn | Trần | Lê | Phạm | Hoàng | Huỳnh | Phan | Vũ | Võ | Đặng | Bùi | Đỗ | Hồ | Ngô | Dương
      Lý
    `),
    mailDomains: ["yahoo.com.vn", "fpt.vn", "vnn.vn"],
    companies: [
      ["Công ty TNHH {family}", "{slug}.com.vn"],
      ["Cà phê {family}", "caphe{slug}.vn"],
    ],
  },
  {
    key: "ar",
    weight: 9,
    familyFirst: false,
    separator: " ",
    countries: [
      country("SA", 25, "ar-SA", "Asia/Riyadh"),
      country("AE", 15, "ar-AE", "Asia/Dubai"),
      country("EG", 25, "ar-EG", "Africa/Cairo"),
      country("MA", 15, "ar-MA", "Africa/Casablanca"),
      country("JO", 10, "ar-JO", "Asia/Amman"),
      country("LB", 10, "ar-LB", "Asia/Beirut"),
    ],
    given: names(`
      محمد=mohammed | أحمد=ahmed | فاطمة=fatima | خالد=khaled | عائشة=aisha | يوسف=youssef
      مريم=maryam | عمر=omar | ليلى=layla | حسن=hassan | نور=nour | سارة=sara | عبدالرحمن=abdulrahman
      هدى=huda | طارق=tarek | رنا=rana | إبراهيم=ibrahim | زينب=zainab
    `),
    family: names(`
      العتيبي=alotaibi | الحربي=alharbi | حداد=haddad | منصور=mansour | الشمري=alshammari
      عبدالله=abdullah | القحطاني=alqahtani | سليمان=suleiman | الزهراني=alzahrani | نصر=nasr
      الخوري=khoury | بن علي=benali | المصري=elmasry | العلوي=alaoui | الأحمد=alahmad | صالح=saleh
    `),
    mailDomains: ["hotmail.com", "live.com", "yahoo.com", "emirates.net.ae"],
    companies: [
      ["مؤسسة {family} التجارية", "{slug}-trading.sa"],
      ["شركة {family} للتجارة", "{slug}co.ae"],
      ["مطعم {family}", "{slug}-restaurant.com"],
    ],
  },
  {
    key: "zh",
    weight: 8,
    familyFirst: true,
    separator: "",
    countries: [
      country("CN", 60, "zh-CN", "Asia/Shanghai"),
      country("TW", 15, "zh-TW", "Asia/Taipei"),
      country("HK", 12, "zh-HK", "Asia/Hong_Kong"),
      country("SG", 13, "zh-SG", "Asia/Singapore"),
    ],
    given: names(`
      伟=wei | 芳=fang | 娜=na | 秀英=xiuying | 敏=min | 静=jing | 丽=li | 强=qiang | 磊=lei | 洋=yang | 婷=ting
      浩然=haoran | 子涵=zihan | 欣怡=xinyi | 俊杰=junjie | 雨桐=yutong | 建国=jianguo | 晓明=xiaoming
    `),
    family: names(`
      王=wang | 李=li | 张=zhang | 刘=liu | 陈=chen | 杨=yang | 黄=huang | 赵=zhao | 吴=wu | 周=zhou | 林=lin
      郭=guo | 欧阳=ouyang | 何=he | 高=gao | 罗=luo
    `),
    mailDomains: ["qq.com", "163.com", "126.com", "sina.com", "foxmail.com"],
    companies: [
      ["{family}氏贸易有限公司", "{slug}trading.cn"],
      ["深圳{family}记科技有限公司", "{slug}tech.com.cn"],
      ["{family}记茶餐厅", "{slug}kee.hk"],
    ],
  },
  {
    key: "ja",
    weight: 5,
    familyFirst: true,
    separator: " ",
    countries: [country("JP", 100, "ja", "Asia/Tokyo")],
    given: names(`
      翔太=shota | 陽菜=hina | 蓮=ren | 結衣=yui | 大翔=hiroto | さくら=sakura | 美咲=misaki | 健太=kenta | 葵=aoi
      悠真=yuma | 拓海=takumi | 花子=hanako | 直樹=naoki | 由美=yumi | あおい=aoi | 誠=makoto
    `),
    family: names(`
      佐藤=sato | 鈴木=suzuki | 高橋=takahashi | 田中=tanaka | 伊藤=ito | 渡辺=watanabe | 山本=yamamoto
      中村=nakamura | 小林=kobayashi | 加藤=kato | 吉田=yoshida | 山田=yamada | 佐々木=sasaki | 松本=matsumoto
    `),
    mailDomains: ["yahoo.co.jp", "docomo.ne.jp", "ezweb.ne.jp", "softbank.ne.jp"],
    companies: [
      ["株式会社{family}", "{slug}.co.jp"],
      ["{family}商事株式会社", "{slug}-shoji.co.jp"],
      ["{family}工務店", "{slug}-koumuten.jp"],
    ],
  },
  {
    key: "ko",
    weight: 4,
    familyFirst: true,
    separator: "",
    countries: [country("KR", 100, "ko", "Asia/Seoul")],
    given: names(`
      민준=minjun | 서연=seoyeon | 지후=jihu | 서윤=seoyun | 도윤=doyun | 하은=haeun | 예준=yejun | 지우=jiwoo
      수빈=subin | 현우=hyunwoo | 지민=jimin | 은지=eunji | 성민=sungmin | 유진=yujin
    `),
    family: names(`
      김=kim | 이=lee | 박=park | 최=choi | 정=jung | 강=kang | 조=cho | 윤=yoon | 장=jang | 임=lim | 한=han
      신=shin
    `),
    mailDomains: ["naver.com", "daum.net", "hanmail.net", "kakao.com"],
    companies: [
      ["{family}무역", "{slug}trade.co.kr"],
      ["(주){family}테크", "{slug}tech.kr"],
    ],
  },
  {
    key: "ru",
    weight: 6,
    familyFirst: false,
    separator: " ",
    countries: [
      country("RU", 60, "ru", "Europe/Moscow", "Asia/Yekaterinburg", "Asia/Novosibirsk"),
      country("UA", 20, "uk", "Europe/Kyiv"),
      country("KZ", 10, "ru-KZ", "Asia/Almaty"),
      country("BY", 10, "be", "Europe/Minsk"),
    ],
    given: names(`
      Дмитрий=dmitry | Анна=anna | Сергей=sergey | Ольга=olga | Алексей=alexey | Наталья=natalia
      Иван=ivan | Екатерина=ekaterina | Михаил=mikhail | Юлия=yulia | Артём=artyom | Татьяна=tatiana
      Олександр=oleksandr | Оксана=oksana | Николай=nikolay | Светлана=svetlana
    `),
    family: names(`
      Иванов=ivanov | Смирнов=smirnov | Кузнецов=kuznetsov | Попов=popov | Соколов=sokolov
      Лебедев=lebedev | Шевченко=shevchenko | Коваленко=kovalenko | Волков=volkov | Фёдоров=fedorov
      Морозов=morozov | Бондаренко=bondarenko | Новиков=novikov | Ткаченко=tkachenko
    `),
    mailDomains: ["yandex.ru", "mail.ru", "rambler.ru", "ukr.net", "bk.ru"],
    companies: [
      ["ООО «{family} и партнёры»", "{slug}-partners.ru"],
      ["ИП {family}", "ip-{slug}.ru"],
      ["ТОВ «{family} Груп»", "{slug}group.ua"],
    ],
  },
  {
    key: "hi",
    weight: 7,
    familyFirst: false,
    separator: " ",
    countries: [country("IN", 100, "hi-IN", "Asia/Kolkata")],
    given: names(`
      आरव=aarav | विवान=vivaan | अनन्या=ananya | दीया=diya | अर्जुन=arjun | प्रिया=priya | राहुल=rahul
      स्नेहा=sneha | विकास=vikas | पूजा=pooja | अमित=amit | नेहा=neha | सुनील=sunil | काव्या=kavya
      रोहन=rohan | इशिता=ishita
    `),
    family: names(`
      शर्मा=sharma | वर्मा=verma | गुप्ता=gupta | सिंह=singh | कुमार=kumar | पटेल=patel | जोशी=joshi
      मेहता=mehta | अग्रवाल=agarwal | यादव=yadav | चौधरी=chaudhary | मिश्रा=mishra | रेड्डी=reddy
      नायर=nair
    `),
    mailDomains: ["rediffmail.com", "yahoo.co.in", "gmail.com"],
    companies: [
      ["{family} एंटरप्राइजेज", "{slug}enterprises.in"],
      ["{family} Traders Pvt. Ltd.", "{slug}traders.co.in"],
      ["श्री {family} स्टोर्स", "shri{slug}stores.in"],
    ],
  },
  {
    key: "el",
    weight: 2,
    familyFirst: false,
    separator: " ",
    countries: [country("GR", 85, "el", "Europe/Athens"), country("CY", 15, "el-CY", "Asia/Nicosia")],
    given: names(`
      Γιώργος=giorgos | Μαρία=maria | Δημήτρης=dimitris | Ελένη=eleni | Νίκος=nikos
      Κατερίνα=katerina | Γιάννης=giannis | Σοφία=sofia | Κώστας=kostas | Αγγελική=angeliki
      Παναγιώτης=panagiotis | Δέσποινα=despoina
    `),
    family: names(`
      Παπαδόπουλος=papadopoulos | Παπαδάκης=papadakis | Γεωργίου=georgiou | Οικονόμου=oikonomou
      Νικολάου=nikolaou | Βασιλείου=vasileiou | Καραγιάννης=karagiannis | Μακρής=makris
      Ιωάννου=ioannou | Αθανασίου=athanasiou
    `),
    mailDomains: ["otenet.gr", "yahoo.gr", "hol.gr"],
    companies: [
      ["{family} Α.Ε.", "{slug}-ae.gr"],
      ["Φούρνος {family}", "fournos-{slug}.gr"],
    ],
  },
  {
    key: "tr",
    weight: 4,
    familyFirst: false,
    separator: " ",
    countries: [country("TR", 100, "tr", "Europe/Istanbul")],
    given: names(`
      Çağla | Gökhan | Şükrü | Ömer | İbrahim | Ayşe | Özge | Büşra | Ilgın | Doğan | Emine | Mustafa
      Zeynep | Hüseyin | Elif | Çağrı | Gülşen | Barış
    `),
    family: names(`
      Yılmaz | Kaya | Demir | Şahin | Çelik | Yıldız | Öztürk | Aydın | Özdemir | Arslan | Doğan
      Kılıç | Aslan | Çetin | Kara | Koç
    `),
    mailDomains: ["hotmail.com.tr", "yandex.com.tr", "mynet.com", "turk.net"],
    companies: [
      ["{family} Ticaret A.Ş.", "{slug}ticaret.com.tr"],
      ["{family} Yazılım Ltd. Şti.", "{slug}yazilim.com.tr"],
      ["{family} Tekstil", "{slug}tekstil.com.tr"],
    ],
  },
];

export const globalMailDomains = list(`
  gmail.com | gmail.com | gmail.com | yahoo.com | outlook.com | hotmail.com | icloud.com | proton.me
`);

export const industries = list(`
  Retail | Food & Beverage | Hospitality | Construction | Software | Health | Education | Logistics
  Textiles | Real estate | Beauty | Automotive
`);

export const companySizes = ["1-10", "11-50", "51-200", "201-1000", "1000+"] as const;

export const tagNames = list(`
  VIP | Newsletter | Wholesale | Retail | Black Friday 2025 | Webinar | Trade show | Partner | Reseller
  Beta tester | Late payer | Loyalty gold | Loyalty silver | Ramadan promo | Back to school | Influencer
  Press | Prospect Q3 | Do not call | Returning
`);

export const sources = list(`
  website | whatsapp | facebook | instagram | referral | event | google_ads | linkedin | walk-in | import
`);
